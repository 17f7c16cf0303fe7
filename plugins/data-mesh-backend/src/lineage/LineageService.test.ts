import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import { readOpenLineageEvent } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import { LineageStore } from '../database/LineageStore';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import { columnOwner, LineageService } from './LineageService';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

function product(name: string, upstream?: string): DataProduct {
  return {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
      spec: {
        type: 'data-product',
        dataProduct: {
          inputPorts: upstream ? [{ name: 'in', product: upstream }] : [],
        },
      },
    },
    entityRef: `component:default/${name}`,
    name,
    namespace: 'default',
    tags: [],
    slos: [],
    issues: [],
    format: 'odcs',
  } as unknown as DataProduct;
}

function event(runId: string, input: string, output: string) {
  return readOpenLineageEvent({
    eventType: 'COMPLETE',
    eventTime: new Date().toISOString(),
    producer: 'https://example.com/p',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId },
    job: { namespace: 'etl', name: runId },
    inputs: [{ namespace: 'kafka://broker', name: input }],
    outputs: [{ namespace: 'kafka://broker', name: output }],
  }).event!;
}

describe.each(databases.eachSupportedId())('LineageService on %p', id => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init(id);
    await knex.migrate.latest({
      directory: path.resolve(__dirname, '../../migrations'),
    });
  });

  it("builds on what it knows: a changed product's edges, and only the events seen since it last looked, also those another replica stored", async () => {
    let products = [product('orders'), product('revenue', 'orders')];
    const source: ProductCatalog = {
      listProducts: async () => products,
      getProduct: async ref => products.find(p => p.entityRef === ref),
    };
    const store = new LineageStore(knex);
    const reads: Array<number | undefined> = [];
    const counting = Object.assign(Object.create(store), {
      edges: (since?: number) => {
        reads.push(since);
        return store.edges(since);
      },
    });
    const service = new LineageService({
      products: source,
      store: counting,
      health: async () => new Map(),
      serverDirectory: () => undefined,
      pollMillis: 0,
    });
    const first = await service.graph();
    expect(reads).toEqual([undefined]);
    expect(await service.graph()).toBe(first);
    expect(reads[1]).toBeGreaterThan(0);

    // Another replica stores an event: found on the next look, without reading everything.
    await store.recordEvent({ x: 1 }, event('r1', 'a.topic', 'b.topic'));
    const withEvent = await service.graph();
    expect(withEvent).not.toBe(first);
    const edges = withEvent.traverse('dataset:kafka://broker/b.topic', {
      direction: 'up',
      depth: 1,
    }).edges;
    expect(edges).toHaveLength(1);
    expect(reads.every((since, i) => i === 0 || since !== undefined)).toBe(
      true,
    );

    // A product changes: its edges follow.
    products = [product('orders'), product('revenue')];
    const changed = await service.graph();
    expect(
      changed.traverse('component:default/revenue', {
        direction: 'up',
        depth: 1,
      }).edges,
    ).toEqual([]);
  });
});

const contractWith = (
  ...objects: Array<{ name: string; physicalName?: string }>
) => ({ contract: { schema: objects } } as any);

describe('columnOwner', () => {
  it("names a product's column by its schema object, never by the file's path on a server", () => {
    expect(
      columnOwner(
        '/srv/portal/.data/example-data/data/sales-orders/orders.parquet',
        contractWith({ name: 'orders' }),
      ),
    ).toBe('orders');
    expect(
      columnOwner(
        '/srv/data/ledger/journal_lines_v2.parquet',
        contractWith(
          { name: 'journal_lines', physicalName: 'journal_lines_v2' },
          { name: 'accounts' },
        ),
      ),
    ).toBe('journal_lines');
  });

  it('names an external dataset by its table or file name', () => {
    expect(columnOwner('orders.v1', undefined)).toBe('orders.v1');
    expect(columnOwner('/landing/raw/events.json', undefined)).toBe('events');
  });
});
