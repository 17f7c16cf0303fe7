import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { spawnCli } from '../__testUtils__/spawnCli';

/** A contract that passes the built-in pack. */
const contract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'sales-orders',
  version: '1.0.0',
  status: 'active',
  team: { name: 'sales' },
  support: [{ channel: 'email', url: 'mailto:sales@example.com' }],
  customProperties: [{ property: 'classification', value: 'internal' }],
  schema: [
    {
      name: 'orders',
      quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
      properties: [
        {
          name: 'order_id',
          logicalType: 'string',
          description: 'Order id.',
          primaryKey: true,
          required: true,
          quality: [{ metric: 'nullValues', mustBe: 0 }],
        },
      ],
    },
  ],
  slaProperties: [
    { property: 'freshness', value: 24, unit: 'h' },
    { property: 'completeness', value: 99, unit: 'percent' },
    { property: 'retention', value: 3, unit: 'y' },
  ],
};

const entity = (annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'sales-orders', annotations },
  spec: { type: 'data-product', lifecycle: 'production', owner: 'group:sales' },
});

describe('data-mesh check', () => {
  let dir: string;
  const write = (name: string, value: unknown) =>
    fs.writeFileSync(
      path.join(dir, name),
      typeof value === 'string' ? value : stringify(value),
    );

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-mesh-check-'));
    fs.mkdirSync(path.join(dir, 'contracts'));
    write('contracts/orders.odcs.yaml', contract);
    write(
      'catalog-info.yaml',
      entity({
        'data-mesh/contract': './contracts/orders.odcs.yaml',
        'data-mesh/domain': 'finance',
      }),
    );
    write('no-contract.catalog-info.yaml', entity({}));
    write('finance.yaml', {
      apiVersion: 'data-mesh/v1',
      kind: 'PolicySet',
      metadata: { name: 'finance', domain: 'finance' },
      policies: [
        {
          id: 'finance-freshness',
          description: 'Finance data is at most one hour old.',
          severity: 'error',
          condition: 'has(sla.freshness) && sla.freshness.seconds <= 3600',
          message:
            'Freshness is ${sla.freshness.value} ${sla.freshness.unit}; finance needs 1 hour.',
        },
      ],
    });
    write('soften.yaml', {
      apiVersion: 'data-mesh/v1',
      kind: 'PolicySet',
      policies: [{ id: 'observability-metrics', enabled: false }],
    });
    write(
      'broken.yaml',
      'apiVersion: data-mesh/v1\nkind: PolicySet\npolicies:\n  - id: p\n    description: d\n    severity: error\n    condition: size(fields) >\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for a contract that passes the built-in pack, and reports JSON', async () => {
    const { code, stdout } = await spawnCli(
      ['check', '--format', 'json', 'contracts/orders.odcs.yaml'],
      dir,
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      file: 'contracts/orders.odcs.yaml',
      blocked: false,
    });
    expect(report.results[0].policies[0]).toEqual({
      id: 'data-classification',
      severity: 'error',
      mode: 'enforced',
      passed: true,
      outcome: 'pass',
      message:
        'The product is classified as public, internal, confidential, restricted or secret.',
    });
  }, 60_000);

  it('reads the contract a catalog-info.yaml references, applies domain policies, and exits 1 when blocked', async () => {
    const { code, stdout } = await spawnCli(
      [
        'check',
        '--policies',
        'finance.yaml',
        '--policies',
        'soften.yaml',
        '--format',
        'json',
        'catalog-info.yaml',
      ],
      dir,
    );
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).results;
    expect(result.blocked).toBe(true);
    expect(
      result.policies.find((p: any) => p.id === 'finance-freshness'),
    ).toEqual({
      id: 'finance-freshness',
      severity: 'error',
      mode: 'enforced',
      passed: false,
      outcome: 'block',
      message: 'Freshness is 24 h; finance needs 1 hour.',
    });
    expect(
      result.policies.find((p: any) => p.id === 'observability-metrics'),
    ).toBeUndefined();
  }, 60_000);

  it('reads the contract an ODPS product file names, as the catalog does', async () => {
    const odps = (contractId: string) => ({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: 'urn:dataproduct:sales-orders',
      name: 'Sales orders',
      status: 'active',
      outputPorts: [
        {
          name: 'orders',
          version: '1.0.0',
          contractId,
          customProperties: [
            {
              property: 'contractLocation',
              value: './contracts/orders.odcs.yaml',
            },
          ],
        },
      ],
    });
    write('product.odps.yaml', odps('sales-orders'));
    write('wrong.odps.yaml', odps('urn:other'));
    write(
      'odps.catalog-info.yaml',
      entity({ 'data-mesh/odps': './product.odps.yaml' }),
    );
    write(
      'wrong-odps.catalog-info.yaml',
      entity({ 'data-mesh/odps': './wrong.odps.yaml' }),
    );
    const { code, stdout } = await spawnCli(
      [
        'check',
        '--format',
        'json',
        'odps.catalog-info.yaml',
        'wrong-odps.catalog-info.yaml',
      ],
      dir,
    );
    expect(code).toBe(1);
    const [ok, wrong] = JSON.parse(stdout).results;
    expect(ok).toMatchObject({ blocked: false, issues: [] });
    expect(wrong.blocked).toBe(true);
    expect(wrong.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'contract-id',
        message: expect.stringContaining(
          'output port "orders" promises contract "urn:other"',
        ),
      }),
    ]);
  }, 60_000);

  it('says how to name the contract when a catalog-info.yaml has none', async () => {
    const { code, stdout } = await spawnCli(
      ['check', 'no-contract.catalog-info.yaml'],
      dir,
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      'a data product needs a contract: set the annotation data-mesh/contract to the contract file',
    );
  }, 60_000);

  it('refuses to check with an invalid policy file (exit 2), naming the file, line and expression', async () => {
    const { code, stdout, stderr } = await spawnCli(
      ['check', '--policies', 'broken.yaml', 'contracts/orders.odcs.yaml'],
      dir,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('broken.yaml:7:');
    expect(stderr).toContain('policy "p": the condition does not compile');
  }, 60_000);

  it('evaluates the breaking-change policies against --previous', async () => {
    write('previous.yaml', {
      ...contract,
      schema: [
        {
          ...contract.schema[0],
          properties: [
            ...contract.schema[0].properties,
            { name: 'legacy', logicalType: 'string', description: 'Old.' },
          ],
        },
      ],
    });
    const { code, stdout } = await spawnCli(
      [
        'check',
        '--format',
        'json',
        '--previous',
        'previous.yaml',
        'contracts/orders.odcs.yaml',
      ],
      dir,
    );
    expect(code).toBe(1);
    const failed = JSON.parse(stdout)
      .results[0].policies.filter((p: any) => !p.passed)
      .map((p: any) => p.id);
    expect(failed).toEqual([
      'breaking-change-major-version',
      'breaking-change-deprecation-notice',
      'breaking-change-migration-guide',
      'version-bump',
    ]);
  }, 60_000);
});
