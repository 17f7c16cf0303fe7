import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { spawnCli } from '../__testUtils__/spawnCli';

/** The project's own parcels contract (its second object, carriers, has a required code). */
const EXAMPLE = path.resolve(
  __dirname,
  '../../../../data-mesh-common/src/__testUtils__/fixtures/parcels.odcs.yaml',
);

describe('data-mesh diff', () => {
  let dir: string;
  const write = (name: string, edit: (contract: any) => void) => {
    const contract = parse(fs.readFileSync(EXAMPLE, 'utf8'));
    edit(contract);
    fs.writeFileSync(path.join(dir, name), stringify(contract));
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-mesh-diff-'));
    write('old.yaml', () => {});
    write('minor.yaml', c => {
      c.schema[1].properties[0].required = false;
      c.version = '2.4.0';
    });
    write('major.yaml', c => {
      c.schema[1].properties[0].required = false;
      c.version = '3.0.0';
    });
    write('added.yaml', c =>
      c.schema[1].properties.push({ name: 'note', logicalType: 'string' }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 1 and reports JSON when a breaking change lacks a major version', async () => {
    const { code, stdout } = await spawnCli(
      ['diff', '--format', 'json', 'old.yaml', 'minor.yaml'],
      dir,
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ requiredBump: 'major', versionOk: false });
    expect(report.changes).toEqual([
      {
        path: 'schema.carriers.properties.code.required',
        kind: 'required-changed',
        severity: 'breaking',
        message:
          'Field carriers.code is no longer required: consumers may now receive nulls.',
      },
    ]);
  }, 60_000);

  it('asks for the portal before listing consumers', async () => {
    const { code, stderr } = await spawnCli(
      [
        'diff',
        '--consumers',
        'component:default/orders',
        'old.yaml',
        'major.yaml',
      ],
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'give its URL with --portal or DATA_MESH_PORTAL_URL',
    );
  }, 60_000);

  it('exits 0 when the major version was raised', async () => {
    const { code, stdout } = await spawnCli(
      ['diff', 'old.yaml', 'major.yaml'],
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'breaking schema.carriers.properties.code.required',
    );
    expect(stdout).toContain('2.3.0 → 3.0.0 is a major bump');
  }, 60_000);

  it('exits 0 for a missing minor bump unless --strict', async () => {
    expect((await spawnCli(['diff', 'old.yaml', 'added.yaml'], dir)).code).toBe(
      0,
    );
    const strict = await spawnCli(
      ['diff', '--strict', '--format', 'json', 'old.yaml', 'added.yaml'],
      dir,
    );
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({
      requiredBump: 'minor',
      versionOk: false,
    });
  }, 60_000);

  it('exits 1 with the reason when a contract cannot be read', async () => {
    const { code, stderr } = await spawnCli(
      ['diff', 'old.yaml', 'missing.yaml'],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('file not found: missing.yaml');
  }, 60_000);
});
