import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(__dirname, '../../../..');
const shim = path.join(repo, 'plugins/data-mesh-node/bin/data-mesh');
/** The project's own contracts, products and broken contracts (relative to the repository root). */
const fixtures = 'plugins/data-mesh-common/src/__testUtils__/fixtures';

/** Runs the real CLI, as `node plugins/data-mesh-node/bin/data-mesh`, from the repository root. */
function dataMesh(...args: string[]) {
  const run = spawnSync(process.execPath, [shim, ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const VALID_INPUTS = [
  `${fixtures}/parcels.odcs.yaml`,
  `${fixtures}/parcels.dcs.yaml`,
  `${fixtures}/stations.dcs.yaml`,
  `${fixtures}/parcels-daily.datamesh-v1.yaml`,
  `${fixtures}/data_product.yaml`,
  `${fixtures}/carrier.odps.yaml`,
];

describe('data-mesh validate (the real CLI)', () => {
  it('exits 0 when every input is valid, printing one JSON document and nothing else', () => {
    const { code, stdout, stderr } = dataMesh(
      'validate',
      '--format',
      'json',
      ...VALID_INPUTS,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['results']);
    expect(
      report.results.map(
        (r: { file: string; format: string; valid: boolean }) => [
          r.file,
          r.format,
          r.valid,
        ],
      ),
    ).toEqual([
      [VALID_INPUTS[0], 'odcs', true],
      [VALID_INPUTS[1], 'dcs', true],
      [VALID_INPUTS[2], 'dcs', true],
      [VALID_INPUTS[3], 'datamesh-v1', true],
      [VALID_INPUTS[4], 'data-product-yaml', true],
      [VALID_INPUTS[5], 'odps', true],
    ]);
    expect(report.results[1].errors).toEqual([]);
    expect(report.results[1].warnings).toEqual([
      expect.objectContaining({
        path: '/servers/archive/location',
        line: 20,
        column: 15,
        rule: 'templated-uri',
      }),
    ]);
  });

  it('exits 1 when an input is invalid or missing, naming path, line, column and message', () => {
    const invalid = `${fixtures}/invalid/property-without-name.odcs.yaml`;
    const { code, stdout } = dataMesh(
      'validate',
      '--format',
      'json',
      invalid,
      'no/such/contract.yaml',
    );
    expect(code).toBe(1);
    const [broken, missing] = JSON.parse(stdout).results;
    expect(broken).toMatchObject({
      file: invalid,
      format: 'odcs',
      valid: false,
    });
    expect(broken.errors.length).toBeGreaterThan(0);
    for (const error of broken.errors) {
      expect(error).toEqual({
        path: expect.stringMatching(/^\/schema\/0\/properties\/\d+/),
        line: expect.any(Number),
        column: expect.any(Number),
        message: expect.any(String),
        rule: expect.any(String),
      });
    }
    expect(missing).toEqual({
      file: 'no/such/contract.yaml',
      format: 'unknown',
      valid: false,
      errors: [
        {
          path: '',
          message: expect.stringMatching(
            /^file not found: no\/such\/contract\.yaml/,
          ),
          rule: 'file-not-found',
        },
      ],
      warnings: [],
    });
  });

  it('reports for people with the line, the message and the source with a caret', () => {
    const { code, stdout } = dataMesh(
      'validate',
      `${fixtures}/invalid/empty-enum.odcs.yaml`,
    );
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      `${fixtures}/invalid/empty-enum.odcs.yaml: invalid (ODCS v3.2.0)`,
    );
    expect(lines[1]).toMatch(
      /^ {2}error {3}12:15 {2}`enum` in schema\[0\]\.properties\[0\] must not be empty/,
    );
    expect(lines.slice(2, 5)).toEqual([
      '        11 |         logicalType: string',
      '      > 12 |         enum: []',
      '           |               ^',
    ]);
    expect(stdout).toContain('1 input checked: 0 valid, 1 invalid.');
  });

  it.each([
    ['no input', ['validate'], "error: missing required argument 'files'"],
    [
      'an unknown format value',
      ['validate', '--format', 'xml', 'a.yaml'],
      "argument 'xml' is invalid",
    ],
    [
      'an unknown option',
      ['validate', '--strict', 'a.yaml'],
      "unknown option '--strict'",
    ],
    ['an unknown command', ['lint', 'a.yaml'], "unknown command 'lint'"],
  ])(
    'exits 2 on a usage error: %s, writing only to stderr',
    (_, args, message) => {
      const { code, stdout, stderr } = dataMesh(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
    },
  );

  it('runs from the repository root as `yarn data-mesh`', () => {
    const yarn = process.env.npm_execpath;
    const run =
      yarn && /\.c?js$/.test(yarn)
        ? spawnSync(
            process.execPath,
            [
              yarn,
              'data-mesh',
              'validate',
              '--format',
              'json',
              VALID_INPUTS[3],
            ],
            { cwd: repo, encoding: 'utf8', timeout: 60_000 },
          )
        : spawnSync(
            'yarn',
            ['data-mesh', 'validate', '--format', 'json', VALID_INPUTS[3]],
            { cwd: repo, encoding: 'utf8', timeout: 60_000 },
          );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({
      format: 'datamesh-v1',
      valid: true,
    });
  });
});
