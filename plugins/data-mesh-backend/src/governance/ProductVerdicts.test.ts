import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { loadGovernancePolicies } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { StoredSloState } from '../database/ObservationStore';
import type { DataProduct } from '../products/DataProduct';
import { ProductVerdicts } from './ProductVerdicts';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', etag: 'e1' },
  spec: { type: 'data-product', owner: 'group:finance' },
};

const product = (extra: Partial<DataProduct> = {}): DataProduct =>
  ({
    entity,
    entityRef: 'component:default/ledger',
    name: 'ledger',
    namespace: 'default',
    domain: 'domain:default/finance',
    tags: [],
    format: 'odcs',
    issues: [],
    slos: [],
    ...extra,
  } as DataProduct);

const state = (sloId: string, status: 'pass' | 'fail'): StoredSloState => ({
  entityRef: 'component:default/ledger',
  sloId,
  status,
  since: '2025-06-01T00:00:00.000Z',
  failing: status === 'fail',
});

describe('ProductVerdicts', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'product-verdicts-'));
    fs.writeFileSync(
      path.join(dir, 'finance.yaml'),
      `apiVersion: data-mesh/v1
kind: PolicySet
metadata: { name: finance }
policies:
  - id: finance-lifecycle
    description: Finance products state their lifecycle.
    severity: warning
    condition: product.lifecycle != null
  - id: finance-checks-pass
    description: The latest quality checks of finance products pass.
    severity: error
    condition: checks == null || checks.all(c, c.passed)
    message: 'Failing checks: \${checks.filter(c, !c.passed).map(c, c.name)}'
`,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const verdicts = async (now?: () => Date) =>
    new ProductVerdicts(
      await loadGovernancePolicies(
        new ConfigReader({
          dataMesh: {
            governance: {
              builtIn: false,
              domains: { finance: ['finance.yaml'] },
            },
          },
        }),
        { workingDirectory: dir },
      ),
      now,
    );

  it('evaluates the policies of the product’s domain on all its facts, quality results included', async () => {
    const report = (await verdicts()).report(
      product(),
      [state('quality:rows', 'fail')],
      { read: true },
    );
    expect(report).toMatchObject({
      health: 'block',
      blocked: true,
      issues: [],
    });
    expect(report.results.map(r => [r.id, r.outcome])).toEqual([
      ['finance-lifecycle', 'warn'],
      ['finance-checks-pass', 'block'],
    ]);
    expect(report.results[1].message).toBe('Failing checks: quality:rows');
    expect(report.withheld).toBeUndefined();
  });

  it('shows one who may not read the product the verdict without what reads its quality results', async () => {
    const store = await verdicts();
    const states = [state('quality:rows', 'fail')];
    const whole = store.report(product(), states, { read: true });
    const shown = store.report(product(), states, { read: false });
    expect(shown).toMatchObject({
      health: 'warn',
      blocked: false,
      withheld: 1,
      summary: { warn: 1, block: 0 },
      evaluatedAt: whole.evaluatedAt,
    });
    expect(shown.results.map(r => r.id)).toEqual(['finance-lifecycle']);
    expect(JSON.stringify(shown)).not.toContain('quality:rows');
    // what is shown is the same, whether the checks fail or pass
    const passing = store.report(product(), [state('quality:rows', 'pass')], {
      read: false,
    });
    expect(passing.results).toEqual(
      shown.results.map(r => ({ ...r, since: passing.results[0].since })),
    );
    expect(passing.health).toBe(shown.health);
  });

  it('keeps a verdict until one of its facts changes, and each policy its since', async () => {
    let now = new Date('2025-06-01T10:00:00Z');
    const store = await verdicts(() => now);
    const first = store.verdictOf(product(), [state('quality:rows', 'pass')])!;
    now = new Date('2025-06-01T11:00:00Z');
    expect(store.verdictOf(product(), [state('quality:rows', 'pass')])).toBe(
      first,
    );
    const failing = store.verdictOf(product(), [
      state('quality:rows', 'fail'),
    ])!;
    expect(failing.evaluatedAt).toBe('2025-06-01T11:00:00.000Z');
    const since = (id: string) => failing.results.find(r => r.id === id)!.since;
    expect(since('finance-lifecycle')).toBe('2025-06-01T10:00:00.000Z');
    expect(since('finance-checks-pass')).toBe('2025-06-01T11:00:00.000Z');
  });

  it('says governance is switched off rather than reporting a pass', () => {
    const report = new ProductVerdicts({ enabled: false }).report(
      product(),
      [],
      { read: true },
    );
    expect(report).toMatchObject({
      health: 'unknown',
      blocked: false,
      results: [],
      issues: [expect.objectContaining({ rule: 'governance-disabled' })],
    });
  });
});
