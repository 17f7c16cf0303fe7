import { diffContracts } from '../diff/diffContracts';
import type { OdcsContract } from '../odcs/model';
import {
  consumersOf,
  consumersOfProduct,
  fieldOfColumn,
  hitConsumers,
} from './consumers';
import { breakingChangeGate, breakingChangeGateOf } from './gate';

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

describe('consumersOfProduct', () => {
  const catalogProduct = (
    name: string,
    options: {
      inputPorts?: Array<Record<string, string | string[]>>;
      status?: string;
      contract?: OdcsContract | null;
    } = {},
  ) => ({
    entityRef: `component:default/${name}`,
    owner: `group:default/${name}-team`,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: (options.status
          ? { 'data-mesh/contract-status': options.status }
          : {}) as Record<string, string>,
      },
      spec: {
        type: 'data-product',
        dataProduct: { inputPorts: options.inputPorts ?? [] },
      },
    },
    contract:
      options.contract === null ? undefined : options.contract ?? before,
  });
  const orders = catalogProduct('sales-orders', {
    // A port on itself names no consumer.
    inputPorts: [{ name: 'self', product: 'sales-orders' }],
  });
  const products = [
    orders,
    catalogProduct('customer-segments', {
      inputPorts: [
        {
          name: 'orders',
          product: 'Component:default/Sales-Orders',
          fields: ['orders.customer_email'],
        },
      ],
    }),
    // By the contract id, when the port names no product.
    catalogProduct('revenue-metrics', {
      inputPorts: [{ name: 'orders', contractId: 'ORDERS' }],
    }),
    // The same contract id on a port naming another product is that product's.
    catalogProduct('stock', {
      inputPorts: [
        { name: 'other', product: 'inventory', contractId: 'orders' },
      ],
    }),
    catalogProduct('broken-contract-demo', {
      inputPorts: [{ name: 'orders', product: 'sales-orders' }],
      status: 'invalid',
    }),
    catalogProduct('unreadable', {
      inputPorts: [{ name: 'orders', product: 'sales-orders' }],
      contract: null,
    }),
    catalogProduct('bad-port', {
      inputPorts: [{ name: 'orders', product: 'not a ref:' }],
    }),
    catalogProduct('lead-attribution'),
    catalogProduct('inventory'),
  ];
  const edge = (
    to: string,
    source: string,
    columns?: string[],
    from = ORDERS,
  ) => ({
    source,
    from,
    to: `component:default/${to}`,
    columns: columns?.map(c => ({ from: c, to: c })),
  });

  it('finds the products reading it by port or by OpenLineage, and the grant holders, leaving out broken and unread products', () => {
    const consumers = consumersOfProduct({
      product: orders,
      products,
      grants: ['group:default/finance'],
      lineage: [
        edge('lead-attribution', 'openlineage', ['mesh.orders_v1.order_id']),
        // Declared edges are the ports, read above.
        edge('inventory', 'declared'),
        // Edges into products the catalog does not serve, or out of another product.
        edge('gone', 'openlineage'),
        edge('inventory', 'openlineage', undefined, 'component:default/stock'),
        edge('sales-orders', 'openlineage'),
        edge('unreadable', 'openlineage'),
      ],
    });
    expect(consumers).toEqual([
      {
        ref: SEGMENTS,
        kind: 'product',
        via: ['input-port'],
        owners: ['group:default/customer-segments-team'],
        fields: ['orders.customer_email'],
      },
      {
        ref: 'component:default/lead-attribution',
        kind: 'product',
        via: ['openlineage'],
        owners: ['group:default/lead-attribution-team'],
        fields: ['orders.order_id'],
      },
      {
        ref: REVENUE,
        kind: 'product',
        via: ['input-port'],
        owners: ['group:default/revenue-metrics-team'],
      },
      {
        ref: 'group:default/finance',
        kind: 'group',
        via: ['grant'],
        owners: ['group:default/finance'],
      },
    ]);
  });

  it('finds no reader by contract id when the product has no contract', () => {
    const unread = catalogProduct('sales-orders', { contract: null });
    expect(
      consumersOfProduct({
        product: unread,
        products: [unread, ...products.slice(1)],
        grants: [],
        lineage: [],
      }).map(c => c.ref),
    ).toEqual([SEGMENTS]);
  });
});

describe('breakingChangeGateOf', () => {
  const consumers = consumersOf({
    products: [
      {
        entityRef: SEGMENTS,
        broken: false,
        ports: [{ fields: ['orders.customer_email'] }],
      },
      {
        entityRef: REVENUE,
        broken: false,
        ports: [{ fields: ['orders.total_amount'] }],
      },
    ],
    grants: [],
    openLineage: [],
  });
  const announcedAt = Date.parse('2025-06-01T00:00:00Z');

  it('waits for the consumers what breaks hits, with what breaks for each', () => {
    const gate = breakingChangeGateOf({
      entityRef: ORDERS,
      diff: diffContracts(before, after),
      consumers,
      acknowledgements: [
        {
          consumer: REVENUE,
          decision: 'acknowledged',
          by: 'user:default/mia',
          at: '2025-06-02T00:00:00.000Z',
        },
      ],
      announcedAt,
      deprecationDays: 10,
      now: announcedAt,
    });
    expect(gate.state).toBe('waiting');
    expect(gate.consumers.map(c => c.ref)).toEqual([SEGMENTS]);
    expect(gate.consumers[0].changes.map(c => c.path)).toEqual([
      'schema.orders.properties.customer_email',
    ]);
    expect(gate.deprecationEndsAt).toBe('2025-06-11T00:00:00.000Z');
  });

  it('breaks nobody when nothing breaks', () => {
    const gate = breakingChangeGateOf({
      entityRef: ORDERS,
      diff: diffContracts(
        before,
        contract(
          ['order_id', 'customer_email', 'total_amount', 'note'],
          '1.1.0',
        ),
      ),
      consumers,
      acknowledgements: [],
      announcedAt,
      now: announcedAt,
    });
    expect(gate.state).toBe('not-breaking');
    expect(gate.consumers).toEqual([]);
  });
});
