import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContractFile } from './loadContractFile';

/** The project's own contracts and products. */
const fixtures = path.resolve(
  __dirname,
  '../../../data-mesh-common/src/__testUtils__/fixtures',
);

describe('loadContractFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'data-mesh-load-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads a contract file, keeping its text and naming it as given', async () => {
    const file = path.join(fixtures, 'stations.dcs.yaml');
    const loaded = await loadContractFile(file);
    expect(loaded).toMatchObject({
      source: file,
      format: 'dcs',
      valid: true,
      issues: [],
    });
    expect(loaded.text).toBe(await fs.readFile(file, 'utf8'));
    expect(loaded.contract!.id).toBe('weather_stations');
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
