import type { OdcsContract } from '../odcs/model';
import { MeshDatasets } from './meshDatasets';
import { readOpenLineageEvent } from './openLineage';

const orders = {
  entityRef: 'component:default/orders',
  contract: {
    schema: [{ name: 'orders', physicalName: 'orders_v2' }],
    servers: [
      {
        server: 'prod',
        type: 'postgresql',
        host: 'warehouse',
        port: 5432,
        database: 'shop',
        schema: 'public',
      },
      {
        server: 'files',
        type: 'local',
        path: './data/{model}.parquet',
        format: 'parquet',
      },
    ],
  } as unknown as OdcsContract,
  directory: '/srv/orders',
};
const customers = {
  entityRef: 'component:default/customers',
  contract: {
    schema: [{ name: 'customers' }],
    servers: [{ server: 'events', type: 'kafka', host: 'broker:9092' }],
  } as unknown as OdcsContract,
  directory: '/srv/customers',
};
const noContract = {
  entityRef: 'component:default/draft',
  directory: '/srv/draft',
};

const datasets = MeshDatasets.of(
  [orders, customers, noContract],
  (path, server, product) =>
    server.type === 'local'
      ? `${product.directory}/${path.replace('./', '')}`
      : path,
);

function runEvent(extra: Record<string, unknown>) {
  const body = {
    eventType: 'COMPLETE',
    eventTime: '2026-12-06T10:00:00Z',
    producer: 'https://example.com/p',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: 'r1' },
    job: { namespace: 'etl', name: 'load' },
    ...extra,
  };
  const { event } = readOpenLineageEvent(body);
  return { body, event: event! };
}

describe('MeshDatasets', () => {
  it("finds a dataset's product through its contract's servers and physical names, files resolved by the product", () => {
    expect(
      datasets.productOf({
        namespace: 'postgresql://warehouse:5432',
        name: 'public.orders_v2',
      }),
    ).toBe('component:default/orders');
    expect(
      datasets.productOf({
        namespace: 'file',
        name: '/srv/orders/data/orders_v2.parquet',
      }),
    ).toBe('component:default/orders');
    // the logical name is not what the warehouse calls the table
    expect(
      datasets.productOf({
        namespace: 'postgres://warehouse:5432',
        name: 'shop.public.orders',
      }),
    ).toBeUndefined();
    // a relative path is resolved against the product's own directory only
    expect(
      datasets.productOf({
        namespace: 'file',
        name: '/srv/customers/data/orders_v2.parquet',
      }),
    ).toBeUndefined();
  });

  it('names the lineage node of a dataset: its product, else the dataset itself', () => {
    expect(
      datasets.nodeRef({ namespace: 'kafka://broker:9092', name: 'customers' }),
    ).toBe('component:default/customers');
    expect(
      datasets.nodeRef({ namespace: 'kafka://broker:9092', name: 'clicks' }),
    ).toBe('dataset:kafka://broker:9092/clicks');
  });

  it('keeps relative paths as written without a resolver', () => {
    const plain = MeshDatasets.of([orders]);
    expect(
      plain.productOf({ namespace: 'file', name: 'data/orders_v2.parquet' }),
    ).toBe('component:default/orders');
  });

  it("tells the products an event's datasets belong to, sorted, and the quality each product's datasets report", () => {
    const { body, event } = runEvent({
      inputs: [
        {
          namespace: 'kafka://broker:9092',
          name: 'customers',
          inputFacets: {
            dataQualityMetrics: { rowCount: 42 },
          },
        },
        { namespace: 'kafka://broker:9092', name: 'clicks' },
      ],
      outputs: [
        {
          namespace: 'postgres://warehouse:5432',
          name: 'shop.public.orders_v2',
          facets: {
            dataQualityAssertions: {
              assertions: [
                { assertion: 'not_null', column: 'id', success: true },
              ],
            },
          },
        },
        {
          namespace: 'file',
          name: '/srv/orders/data/orders_v2.parquet',
          facets: {
            dataQualityAssertions: {
              assertions: [
                { assertion: 'unique', column: 'id', success: false },
              ],
            },
          },
        },
      ],
    });
    const told = datasets.eventProducts(body, event);
    expect(told.products).toEqual([
      'component:default/customers',
      'component:default/orders',
    ]);
    expect([...told.quality.keys()]).toEqual([
      'component:default/customers',
      'component:default/orders',
    ]);
    expect(told.quality.get('component:default/customers')).toEqual([
      {
        status: 'pass',
        sloId: 'volume:customers',
        value: 42,
        path: '/inputFacets/dataQualityMetrics/rowCount',
      },
    ]);
    // both datasets of the product report, in the order the event names them
    expect(
      told.quality
        .get('component:default/orders')!
        .map(c => [c.status, c.type, c.field]),
    ).toEqual([
      ['pass', 'field_not_null', 'id'],
      ['fail', 'field_unique', 'id'],
    ]);
  });

  it("names products a dataset's facets link to, and reports no quality for unmatched datasets or products without checks", () => {
    const { body, event } = runEvent({
      inputs: [
        {
          namespace: 'kafka://broker:9092',
          name: 'clicks',
          inputFacets: { dataQualityMetrics: { rowCount: 7 } },
        },
      ],
      outputs: [
        {
          namespace: 'kafka://broker:9092',
          name: 'sessions',
          facets: {
            columnLineage: {
              fields: {
                id: {
                  inputFields: [
                    {
                      namespace: 'kafka://broker:9092',
                      name: 'customers',
                      field: 'id',
                    },
                  ],
                },
              },
            },
          },
        },
      ],
    });
    const told = datasets.eventProducts(body, event);
    expect(told.products).toEqual(['component:default/customers']);
    expect(told.quality.size).toBe(0);
  });

  it('reads the dataset of a DatasetEvent', () => {
    const body = {
      eventTime: '2026-12-06T10:00:00Z',
      producer: 'https://example.com/p',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: {
        namespace: 'kafka://broker:9092',
        name: 'customers',
        facets: {
          dataQualityAssertions: {
            assertions: [{ assertion: 'row_count', success: true }],
          },
        },
      },
    };
    const told = datasets.eventProducts(
      body,
      readOpenLineageEvent(body).event!,
    );
    expect(told.products).toEqual(['component:default/customers']);
    expect(
      told.quality.get('component:default/customers')!.map(c => c.type),
    ).toEqual(['row_count']);
  });
});
