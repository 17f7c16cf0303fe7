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
import { EvaluationSchedule } from '../database/EvaluationSchedule';
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
  let schedule: EvaluationSchedule;
  const orders = catalogProduct(
    'orders',
    sqlRules(1, 'SELECT CAST(MIN(order_id) AS INTEGER) FROM orders'),
  );
  const ledger = catalogProduct('ledger', sqlRules(2, 'SELECT 0'));

  /** A replica of the backend: its own evaluator on the shared database. */
  const replica = (name: string, products?: DataProduct[]) => {
    const logger = mockServices.logger.mock();
    return new SloEvaluator(
      listOf(products ?? [orders, ledger]),
      servers,
      new SloRecorder(
        new ObservationStore(knex),
        new SloAlerts(undefined, logger, new AlertOutbox(knex)),
      ),
      logger,
      schedule,
      {},
      { replica: name, concurrency: 2 },
    );
  };
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
    schedule = new EvaluationSchedule(knex);
    evaluator = replica('first');
    void logger;
  });

  afterAll(() => servers.close());

  it('joins a second request for a product that is being evaluated', async () => {
    const before = await runs(ledger.entityRef);
    const [first, second] = await Promise.all([
      evaluator.evaluateProduct(ledger.entityRef),
      evaluator.evaluateProduct(ledger.entityRef),
    ]);
    // its two rules, its schema drift and its volume
    expect(first).toEqual({
      products: 1,
      evaluated: 1,
      observations: 4,
      failures: [],
    });
    expect(second).toEqual(first);
    expect(await runs(ledger.entityRef)).toBe(before + 1);
  });

  it('evaluates every due product once, is then done until they are due again, and stores categories only', async () => {
    await evaluator.plan();
    const round = evaluator.runDue();
    expect(evaluator.runDue()).toBe(round);
    expect(await round).toEqual({
      products: 2,
      evaluated: 2,
      observations: 7,
      failures: [],
    });
    const state = await knex('dm_slo_states')
      .where({ entity_ref: orders.entityRef, slo_id: 'quality:q1' })
      .first();
    expect(state.last_error).toBe('conversion error in rule "quality:q1"');
    expect(await evaluator.runDue()).toEqual({
      products: 0,
      evaluated: 0,
      observations: 0,
      failures: [],
    });
    // due again one cadence (from the products' SLOs) later
    const row = await knex('dm_evaluation_schedule')
      .where({ entity_ref: ledger.entityRef })
      .first();
    expect(Number(row.due_at) - Number(row.last_finished_at)).toBe(
      Number(row.cadence_ms),
    );
    expect(await schedule.dueCount(Date.now())).toBe(0);
  });

  it('shares a round between replicas: each due product is evaluated once', async () => {
    const others = [replica('second'), replica('third')];
    const before =
      (await runs(orders.entityRef)) + (await runs(ledger.entityRef));
    await schedule.dueNow(Date.now());
    const summaries = await Promise.all([
      evaluator.runDue(),
      ...others.map(o => o.runDue()),
    ]);
    expect(summaries.reduce((n, s) => n + s.evaluated, 0)).toBe(2);
    expect(
      (await runs(orders.entityRef)) + (await runs(ledger.entityRef)),
    ).toBe(before + 2);
  });

  it('evaluates the mesh once when two replicas are asked to evaluate it at about the same time', async () => {
    const other = replica('late');
    const before =
      (await runs(orders.entityRef)) + (await runs(ledger.entityRef));
    await knex('dm_evaluation_schedule').update({ last_finished_at: 0 });
    const first = await evaluator.evaluateAll();
    const second = await other.evaluateAll();
    expect(first.evaluated).toBe(2);
    expect(second.evaluated).toBe(0);
    expect(
      (await runs(orders.entityRef)) + (await runs(ledger.entityRef)),
    ).toBe(before + 2);
  });

  it('takes over a product whose replica stopped while evaluating it', async () => {
    await schedule.dueNow(Date.now());
    // A replica claims a product for a second, then stops without a word.
    const [lost] = await schedule.claim({
      replica: 'stopped',
      limit: 1,
      claimMs: 1,
      now: Date.now(),
    });
    expect(lost).toBeDefined();
    await new Promise(r => setTimeout(r, 5));
    const before = await runs(lost.entityRef);
    const summary = await replica('survivor').runDue();
    expect(summary.evaluated).toBe(2);
    expect(await runs(lost.entityRef)).toBe(before + 1);
    // the stopped replica's late finish changes nothing
    expect(await schedule.finished(lost, 'stopped', Date.now())).toBe(false);
  });

  it('evaluates nothing once its signal is aborted, and leaves the products due', async () => {
    const controller = new AbortController();
    controller.abort();
    await knex('dm_evaluation_schedule').update({ last_finished_at: 0 });
    const before = await runs(orders.entityRef);
    expect(await evaluator.evaluateAll({ signal: controller.signal })).toEqual({
      products: 0,
      evaluated: 0,
      observations: 0,
      failures: [],
    });
    expect(await runs(orders.entityRef)).toBe(before);
    expect(await schedule.dueCount(Date.now())).toBe(2);
  });
});
