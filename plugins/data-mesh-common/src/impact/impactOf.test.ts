import { ContractDiff } from '../diff/types';
import { impactInCatalog, impactOf, lineageFromEntities } from './impactOf';

const change = (path: string, severity: 'breaking' | 'info' = 'breaking') => ({
  path,
  kind: 'property-removed' as const,
  severity,
  message: `${path} changed`,
  bump: severity === 'breaking' ? ('major' as const) : ('minor' as const),
});

const diff = (...changes: ReturnType<typeof change>[]): ContractDiff => ({
  changes,
  requiredBump: changes.some(c => c.severity === 'breaking')
    ? 'major'
    : 'minor',
  actualBump: 'none',
  versionOk: false,
  versionMessage: '',
});

const ORDERS = 'component:default/sales-orders';
const REVENUE = 'component:default/revenue-metrics';
const SEGMENTS = 'component:default/customer-segments';
const LEDGER = 'component:default/general-ledger';

describe('impactOf', () => {
  const edges = [
    { upstream: ORDERS, downstream: REVENUE },
    { upstream: ORDERS, downstream: SEGMENTS, fields: ['orders.customer_id'] },
    { upstream: REVENUE, downstream: LEDGER },
    { upstream: LEDGER, downstream: ORDERS }, // a cycle does not loop
  ];
  const owners: Record<string, string> = {
    [REVENUE]: 'group:sales',
    [SEGMENTS]: 'group:marketing',
    [LEDGER]: 'group:finance',
  };

  it('lists the downstream products and owners a breaking change hits, nearest first', () => {
    const report = impactOf(
      diff(change('schema.orders.properties.amount')),
      ORDERS,
      edges,
      { ownerOf: r => owners[r] },
    );
    expect(
      report.affected.map(a => [a.entityRef, a.owner, a.distance, a.via]),
    ).toEqual([
      [REVENUE, 'group:sales', 1, [ORDERS]],
      [LEDGER, 'group:finance', 2, [ORDERS, REVENUE]],
    ]);
    expect(report.owners).toEqual(['group:sales', 'group:finance']);
  });

  it('hits a consumer that declares its fields only through those fields or the whole contract', () => {
    const byField = impactOf(
      diff(change('schema.orders.properties.customer_id.required')),
      ORDERS,
      edges,
    );
    expect(byField.affected.map(a => a.entityRef)).toContain(SEGMENTS);
    const bySla = impactOf(
      diff(change('slaProperties.freshness')),
      ORDERS,
      edges,
    );
    expect(bySla.affected.map(a => a.entityRef)).toContain(SEGMENTS);
    const byObject = impactOf(diff(change('schema.orders')), ORDERS, edges);
    expect(byObject.affected.map(a => a.entityRef)).toContain(SEGMENTS);
  });

  it('hits nobody when nothing breaks, and stops at maxDepth', () => {
    expect(
      impactOf(
        diff(change('schema.orders.properties.x', 'info')),
        ORDERS,
        edges,
      ).affected,
    ).toEqual([]);
    const near = impactOf(diff(change('schema.orders')), ORDERS, edges, {
      maxDepth: 1,
    });
    expect(near.affected.map(a => a.distance)).toEqual([1, 1]);
  });
});

describe('lineageFromEntities', () => {
  it('reads edges from both relation directions and owners from ownedBy or spec.owner', () => {
    const { edges, ownerOf } = lineageFromEntities([
      {
        kind: 'Component',
        metadata: { name: 'sales-orders' },
        relations: [
          { type: 'providesDataTo', targetRef: REVENUE },
          { type: 'ownedBy', targetRef: 'group:default/sales' },
        ],
      },
      {
        kind: 'Component',
        metadata: { name: 'revenue-metrics' },
        spec: { owner: 'group:default/finance' },
        relations: [{ type: 'consumesDataFrom', targetRef: ORDERS }],
      },
    ]);
    expect(edges).toEqual([{ upstream: ORDERS, downstream: REVENUE }]);
    expect(ownerOf(ORDERS)).toBe('group:default/sales');
    expect(ownerOf(REVENUE)).toBe('group:default/finance');
  });
});

describe('impactInCatalog', () => {
  const entities = [
    {
      kind: 'Component',
      metadata: { name: 'sales-orders' },
      relations: [{ type: 'providesDataTo', targetRef: REVENUE }],
    },
    {
      kind: 'Component',
      metadata: { name: 'revenue-metrics' },
      spec: { owner: 'group:default/finance' },
      relations: [{ type: 'providesDataTo', targetRef: LEDGER }],
    },
    {
      kind: 'Component',
      metadata: { name: 'general-ledger' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/accounting' }],
    },
    {
      kind: 'Component',
      metadata: { name: 'customer-segments' },
      spec: {
        owner: 'group:default/marketing',
        dataProduct: {
          inputPorts: [
            {
              name: 'orders',
              product: ORDERS,
              fields: ['orders.customer_id'],
            },
          ],
        },
      },
      relations: [{ type: 'consumesDataFrom', targetRef: ORDERS }],
    },
    {
      kind: 'Component',
      metadata: {
        name: 'broken-report',
        annotations: { 'data-mesh/contract-status': 'invalid' },
      },
      spec: { owner: 'group:default/nobody' },
      relations: [{ type: 'consumesDataFrom', targetRef: ORDERS }],
    },
  ];

  it('follows the lineage the entities declare and names the owners to notify', () => {
    const report = impactInCatalog(
      diff(change('schema.orders.properties.amount')),
      ORDERS,
      entities,
    );
    expect(
      report.affected.map(a => [a.entityRef, a.owner, a.distance, a.via]),
    ).toEqual([
      [REVENUE, 'group:default/finance', 1, [ORDERS]],
      [LEDGER, 'group:default/accounting', 2, [ORDERS, REVENUE]],
    ]);
    expect(report.owners).toEqual([
      'group:default/finance',
      'group:default/accounting',
    ]);
  });

  it('hits a consumer that declares its fields only through those fields', () => {
    const report = impactInCatalog(
      diff(change('schema.orders.properties.customer_id')),
      ORDERS,
      entities,
    );
    expect(report.affected.map(a => a.entityRef)).toEqual([
      REVENUE,
      SEGMENTS,
      LEDGER,
    ]);
  });

  it('reports nobody when nothing breaks', () => {
    const report = impactInCatalog(
      diff(change('schema.orders.properties.note', 'info')),
      ORDERS,
      entities,
    );
    expect(report).toEqual({
      entityRef: ORDERS,
      breakingChanges: [],
      affected: [],
      owners: [],
    });
  });
});
