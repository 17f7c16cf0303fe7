import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { ObservationStore } from '../database/ObservationStore';
import { AlertOutbox } from '../database/AlertOutbox';
import { SloAlerts } from '../alerts/SloAlerts';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import { ServerRegistry } from './ServerRegistry';
import { SloRecorder } from './SloRecorder';
import { SloEvaluator } from './SloEvaluator';
import { contractYaml, productOf, sqlRules } from './__testUtils__/products';

const databases = TestDatabases.create({
  ids: [
    'POSTGRES_18',
    'POSTGRES_17',
    'POSTGRES_16',
    'POSTGRES_15',
    'POSTGRES_14',
    'POSTGRES_13',
    'SQLITE_3',
  ],
  disableDocker: true,
});

const dir = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'dm-evaluator-')),
);

/** The catalog's view of a product, as the evaluation needs it. */
function catalogProduct(name: string, quality: string): DataProduct {
  return {
    ...productOf(name, contractYaml({ path: `${name}/orders.csv`, quality })),
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
    },
    tags: [],
    format: 'odcs',
    issues: [],
  } as unknown as DataProduct;
}

/** A product source over a fixed list, as the catalog would list them. */
function listOf(products: DataProduct[]): ProductCatalog {
  return {
    listProducts: async () => products,
    getProduct: async ref => products.find(p => p.entityRef === ref),
  };
}

beforeAll(() => {
  for (const name of ['orders', 'ledger']) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(
      path.join(dir, name, 'orders.csv'),
      'order_id,total\nsecret-ssn-123,1\n',
    );
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(databases.eachSupportedId())('SloEvaluator on %p', databaseId => {
  let knex: Knex;
  let servers: ServerRegistry;
  let evaluator: SloEvaluator;
  const orders = catalogProduct(
    'orders',
    sqlRules(1, 'SELECT CAST(MIN(order_id) AS INTEGER) FROM orders'),
  );
  const ledger = catalogProduct('ledger', sqlRules(2, 'SELECT 0'));

  const runs = async (entityRef: string) =>
    Number(
      (
        await knex('dm_runs').where({ entity_ref: entityRef }).count({ n: '*' })
      )[0].n,
    );

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({
      directory: path.resolve(__dirname, '../../migrations'),
    });
    const logger = mockServices.logger.mock();
    servers = new ServerRegistry(
      new Map([['local', { name: 'local', engine: 'duckdb', directory: dir }]]),
      { timeoutMillis: 10_000 },
    );
    evaluator = new SloEvaluator(
      listOf([orders, ledger]),
      servers,
      new SloRecorder(
        new ObservationStore(knex),
        new SloAlerts(undefined, logger, new AlertOutbox(knex)),
      ),
      logger,
    );
  });

  afterAll(() => servers.close());

  it('joins a second request for a product that is being evaluated', async () => {
    const before = await runs(ledger.entityRef);
    const [first, second] = await Promise.all([
      evaluator.evaluateProduct(ledger.entityRef),
      evaluator.evaluateProduct(ledger.entityRef),
    ]);
    expect(first).toEqual({
      products: 1,
      evaluated: 1,
      observations: 2,
      failures: [],
    });
    expect(second).toEqual(first);
    expect(await runs(ledger.entityRef)).toBe(before + 1);
    // the older form evaluates the one product too
    expect(await evaluator.evaluateAll(ledger.entityRef)).toEqual(first);
  });

  it('joins a round that is running, and stores categories only', async () => {
    const round = evaluator.evaluateAll();
    expect(evaluator.evaluateAll()).toBe(round);
    expect(await round).toEqual({
      products: 2,
      evaluated: 2,
      observations: 3,
      failures: [],
    });
    const state = await knex('dm_slo_states')
      .where({ entity_ref: orders.entityRef })
      .first();
    expect(state.last_error).toBe('conversion error in rule "quality:q1"');
  });

  it('evaluates nothing more once its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = await runs(orders.entityRef);
    expect(await evaluator.evaluateAll({ signal: controller.signal })).toEqual({
      products: 2,
      evaluated: 0,
      observations: 0,
      failures: [],
    });
    expect(await runs(orders.entityRef)).toBe(before);
  });
});
