import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContractFile } from './loadContractFile';

const corpus = path.resolve(__dirname, '../../../../../shared/corpus');

describe('loadContractFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'data-mesh-load-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads a contract file, keeping its text and naming it as given', async () => {
    const file = path.join(
      corpus,
      'dcs/examples/covid-cases--datacontract.yaml',
    );
    const loaded = await loadContractFile(file);
    expect(loaded).toMatchObject({
      source: file,
      format: 'dcs',
      valid: true,
      issues: [],
    });
    expect(loaded.text).toBe(await fs.readFile(file, 'utf8'));
    expect(loaded.contract!.id).toBe('covid_cases');
  });

  it('reports a missing file as an invalid result that says where it looked', async () => {
    const loaded = await loadContractFile(path.join(dir, 'nope.yaml'));
    expect(loaded.valid).toBe(false);
    expect(loaded.text).toBeUndefined();
    expect(loaded.issues).toEqual([
      {
        severity: 'error',
        path: '',
        file: path.join(dir, 'nope.yaml'),
        rule: 'file-not-found',
        message: `file not found: ${path.join(
          dir,
          'nope.yaml',
        )} (looked for ${path.join(
          dir,
          'nope.yaml',
        )}); check the path and the current directory`,
      },
    ]);
  });

  it('refuses a directory and a file over the size limit', async () => {
    expect((await loadContractFile(dir)).issues[0].rule).toBe('not-a-file');
    const big = path.join(dir, 'big.yaml');
    await fs.writeFile(big, `description: "${'x'.repeat(4096)}"\n`);
    const loaded = await loadContractFile(big, { maxBytes: 1024 });
    expect(loaded.issues[0]).toMatchObject({
      rule: 'file-too-large',
      file: big,
    });
    expect(loaded.issues[0].message).toContain('over the 1 KiB limit');
  });
});
