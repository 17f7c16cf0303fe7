import { diffContracts } from '../diff/diffContracts';
import type { OdcsContract } from '../odcs/model';
import { consumersOf, fieldOfColumn, hitConsumers } from './consumers';
import { breakingChangeGate } from './gate';

const ORDERS = 'component:default/sales-orders';
const SEGMENTS = 'component:default/customer-segments';
const REVENUE = 'component:default/revenue-metrics';
const BROKEN = 'component:default/broken-contract-demo';
const ATTRIBUTION = 'component:default/lead-attribution';

const contract = (fields: string[], version = '1.0.0'): OdcsContract =>
  ({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'orders',
    version,
    status: 'active',
    schema: [
      {
        name: 'orders',
        physicalName: 'orders_v1',
        properties: fields.map(name => ({ name, logicalType: 'string' })),
      },
    ],
  } as OdcsContract);

const before = contract(['order_id', 'customer_email', 'total_amount']);
const after = contract(['order_id', 'total_amount'], '2.0.0');

describe('consumersOf', () => {
  const consumers = consumersOf({
    contract: before,
    products: [
      {
        entityRef: SEGMENTS,
        owner: 'group:default/marketing',
        broken: false,
        ports: [{ fields: ['orders.customer_email'] }],
      },
      {
        entityRef: REVENUE,
        owner: 'group:default/sales',
        broken: false,
        ports: [{ fields: ['orders.total_amount'] }],
      },
      {
        entityRef: BROKEN,
        owner: 'group:default/platform',
        broken: true,
        ports: [{}],
      },
    ],
    grants: ['user:default/fin'],
    openLineage: [
      {
        entityRef: ATTRIBUTION,
        owner: 'group:default/marketing',
        columns: ['mesh.sales.orders_v1.order_id'],
      },
      {
        entityRef: REVENUE,
        owner: 'group:default/sales',
        columns: ['orders_v1.total_amount'],
      },
    ],
  });

  it('counts input ports, grants and OpenLineage readers, with the fields each reads, and no broken product', () => {
    expect(consumers).toEqual([
      {
        ref: SEGMENTS,
        kind: 'product',
        via: ['input-port'],
        owners: ['group:default/marketing'],
        fields: ['orders.customer_email'],
      },
      {
        ref: ATTRIBUTION,
        kind: 'product',
        via: ['openlineage'],
        owners: ['group:default/marketing'],
        fields: ['orders.order_id'],
      },
      {
        ref: REVENUE,
        kind: 'product',
        via: ['input-port', 'openlineage'],
        owners: ['group:default/sales'],
        fields: ['orders.total_amount'],
      },
      {
        ref: 'user:default/fin',
        kind: 'user',
        via: ['grant'],
        owners: ['user:default/fin'],
      },
    ]);
  });

  it('hits only the consumers that read a field that breaks', () => {
    const hit = hitConsumers(diffContracts(before, after), ORDERS, consumers);
    expect(hit.map(c => c.ref)).toEqual([SEGMENTS, 'user:default/fin']);
    expect(hit[0].changes.map(c => c.path)).toEqual([
      'schema.orders.properties.customer_email',
    ]);
  });

  it('maps OpenLineage columns to contract fields, or says it cannot', () => {
    expect(fieldOfColumn(before, 'sales.orders_v1.total_amount')).toBe(
      'orders.total_amount',
    );
    expect(fieldOfColumn(before, '/data/orders.parquet.ORDER_ID')).toBe(
      'orders.order_id',
    );
    expect(fieldOfColumn(before, 'orders.unknown')).toBeUndefined();
  });
});

describe('breakingChangeGate', () => {
  const hit = hitConsumers(
    diffContracts(before, after),
    ORDERS,
    consumersOf({
      products: [
        { entityRef: SEGMENTS, broken: false, ports: [{}] },
        { entityRef: REVENUE, broken: false, ports: [{}] },
      ],
      grants: [],
      openLineage: [],
    }),
  );
  const announcedAt = Date.parse('2025-06-01T00:00:00Z');
  const ack = (consumer: string, decision: 'acknowledged' | 'more-time') => ({
    consumer,
    decision,
    by: 'user:default/mia',
    at: '2025-06-02T00:00:00.000Z',
  });

  it('waits for every hit consumer during the deprecation period', () => {
    const gate = breakingChangeGate({
      hit,
      acknowledgements: [
        ack(SEGMENTS, 'acknowledged'),
        ack(REVENUE, 'more-time'),
      ],
      announcedAt,
      now: announcedAt + 86_400_000,
    });
    expect(gate.state).toBe('waiting');
    expect(gate.pending).toBe(1);
    expect(gate.consumers.map(c => c.acknowledgement?.decision)).toEqual([
      'acknowledged',
      'more-time',
    ]);
    expect(gate.deprecationEndsAt).toBe('2025-07-01T00:00:00.000Z');
  });

  it('opens when everyone acknowledged, or when the deprecation period ran out', () => {
    expect(
      breakingChangeGate({
        hit,
        acknowledgements: [
          ack(SEGMENTS, 'acknowledged'),
          ack(REVENUE, 'acknowledged'),
        ],
        announcedAt,
        now: announcedAt,
      }).state,
    ).toBe('open');
    expect(
      breakingChangeGate({
        hit,
        acknowledgements: [],
        announcedAt,
        deprecationDays: 7,
        now: announcedAt + 7 * 86_400_000,
      }).reason,
    ).toMatch(/7-day deprecation period ran out/);
    expect(
      breakingChangeGate({
        hit: [],
        acknowledgements: [],
        announcedAt,
        now: announcedAt,
      }).state,
    ).toBe('not-breaking');
  });
});
