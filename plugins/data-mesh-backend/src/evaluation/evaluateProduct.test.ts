import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ServerRegistry } from './ServerRegistry';
import { evaluateProduct } from './evaluateProduct';
import { contractYaml, productOf, sqlRules } from './__testUtils__/products';

const dir = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'dm-evaluate-')),
);
const SECRET = 'secret-ssn-123';
const servers = new ServerRegistry(
  new Map([['local', { name: 'local', engine: 'duckdb', directory: dir }]]),
  { timeoutMillis: 30_000 },
);

beforeAll(() => {
  fs.mkdirSync(path.join(dir, 'orders'));
  fs.writeFileSync(
    path.join(dir, 'orders', 'orders.csv'),
    'order_id,total\no-1,10\no-2,20\n',
  );
  fs.mkdirSync(path.join(dir, 'ledger'));
  fs.writeFileSync(
    path.join(dir, 'ledger', 'ledger.csv'),
    `order_id,total\n${SECRET},1\n`,
  );
  fs.mkdirSync(path.join(dir, 'evil'));
  fs.mkdirSync(path.join(dir, 'events'));
  fs.writeFileSync(
    path.join(dir, 'events', 'events.csv'),
    `event_id,loaded_at\ne-1,${new Date(
      Date.now() - 3 * 86_400_000,
    ).toISOString()}\n`,
  );
});

afterAll(async () => {
  await servers.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const orders = (quality: string) =>
  productOf('orders', contractYaml({ path: 'orders/orders.csv', quality }));

const statuses = (
  evaluation: Awaited<ReturnType<typeof evaluateProduct>>,
): Record<string, string> =>
  Object.fromEntries(
    (evaluation?.observations ?? []).map(o => [
      o.sloId,
      `${o.status}${o.message ? `: ${o.message}` : ''}`,
    ]),
  );

describe('evaluateProduct', () => {
  it("reads the product's own directory, and nothing of another product's", async () => {
    const own = await evaluateProduct(
      orders(sqlRules(1, 'SELECT COUNT(*) - 2 FROM orders')),
      servers,
    );
    expect(statuses(own)).toEqual({
      'quality:q1': 'pass',
      'schema:drift': 'pass',
      'volume:orders': 'pass: 2 rows; no earlier count to compare with yet',
    });

    const evil = productOf(
      'evil',
      contractYaml({
        path: 'ledger/ledger.csv',
        quality: sqlRules(
          1,
          'SELECT CAST(MIN(order_id) AS INTEGER) FROM orders',
        ),
      }),
    );
    const refused = statuses(await evaluateProduct(evil, servers));
    expect(refused['quality:q1']).toBe(
      `error: cannot read orders: the path "ledger/ledger.csv" is outside the product's own directory ("evil" on server "local")`,
    );

    const reading = orders(
      sqlRules(
        1,
        "SELECT CAST(MIN(order_id) AS INTEGER) FROM read_csv('../ledger/ledger.csv')",
      ),
    );
    const read = statuses(await evaluateProduct(reading, servers));
    expect(read['quality:q1']).toMatch(
      /^error: (permission denied|data file missing or unreadable) in rule "quality:q1"$/,
    );
    expect(JSON.stringify([refused, read])).not.toContain(SECRET);
    expect(JSON.stringify([refused, read])).not.toContain(dir);
  });

  it('dates a failing freshness check from when the data became too old', async () => {
    const events = productOf(
      'events',
      contractYaml({
        path: 'events/events.csv',
        object: 'events',
        columns: ['event_id', 'loaded_at'],
        sla: '  - property: freshness\n    value: 1\n    unit: d\n    element: events.loaded_at',
      }),
    );
    const evaluation = await evaluateProduct(events, servers);
    const freshness = evaluation!.observations.find(
      o => o.sloId === 'sla:freshness',
    )!;
    expect(freshness.status).toBe('fail');
    // three days old with a one-day limit: stale for about two days
    const staleFor = freshness.observedAt - freshness.since!;
    expect(staleFor).toBeGreaterThan(2 * 86_400_000 - 60_000);
    expect(staleFor).toBeLessThan(2 * 86_400_000 + 60_000);
  });

  it("stores the category and logs the engine's words", async () => {
    const logger = mockServices.logger.mock();
    const evaluation = await evaluateProduct(
      orders(sqlRules(1, `SELECT CAST('${SECRET}' AS INTEGER)`)),
      servers,
      { logger },
    );
    expect(statuses(evaluation)).toEqual({
      'quality:q1': 'error: conversion error in rule "quality:q1"',
      'schema:drift': 'pass',
      'volume:orders': 'pass: 2 rows; no earlier count to compare with yet',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(
          `^SLO check quality:q1 of component:default/orders on server local failed: .*${SECRET}`,
        ),
      ),
    );
  });

  it('evaluates at most maxChecksPerProduct checks and says why the others were not', async () => {
    const evaluation = await evaluateProduct(
      orders(sqlRules(5, 'SELECT 0')),
      servers,
      { maxChecksPerProduct: 2 },
    );
    // five rules, the schema drift check and the volume of orders
    const reason =
      'error: not evaluated: the contract declares 7 checks, more than the 2 evaluated per product';
    expect(statuses(evaluation)).toEqual({
      'quality:q1': 'pass',
      'quality:q2': 'pass',
      'quality:q3': reason,
      'quality:q4': reason,
      'quality:q5': reason,
      'schema:drift': reason,
      'volume:orders': reason,
    });
  });

  it('skips the checks left when the time budget of the product is spent', async () => {
    // a clock that moves one second each time it is read
    let clock = 0;
    const evaluation = await evaluateProduct(
      orders(sqlRules(5, 'SELECT 0')),
      servers,
      { productTimeBudgetMs: 2500, now: () => (clock += 1000) },
    );
    const skipped =
      "error: not evaluated: the product's checks ran past the 2.5 s allowed per product";
    expect(statuses(evaluation)).toEqual({
      'quality:q1': 'pass',
      'quality:q2': 'pass',
      'quality:q3': skipped,
      'quality:q4': skipped,
      'quality:q5': skipped,
      'schema:drift': skipped,
      'volume:orders': skipped,
    });
  });

  it('stops at an aborted signal and interrupts the running query, leaving its outcome out', async () => {
    const already = new AbortController();
    already.abort();
    expect(
      await evaluateProduct(orders(sqlRules(2, 'SELECT 0')), servers, {
        signal: already.signal,
      }),
    ).toMatchObject({ aborted: true, observations: [] });

    const controller = new AbortController();
    const started = Date.now();
    const evaluating = evaluateProduct(
      orders(
        `${sqlRules(
          1,
          'SELECT COUNT(*) FROM range(1000000000000)',
        )}\n      - id: after\n        type: sql\n        query: SELECT 0\n        mustBe: 0`,
      ),
      servers,
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    const evaluation = await evaluating;
    expect(evaluation).toMatchObject({ aborted: true, observations: [] });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("errs every check when the product's directory is missing, and fails its availability", async () => {
    const ghost = productOf(
      'ghost',
      contractYaml({
        path: 'ghost/orders.csv',
        quality: sqlRules(1, 'SELECT 0'),
        sla: '  - property: availability\n    value: 99.9\n    unit: percent',
      }),
    );
    const reason = `the product's own directory "ghost" does not exist on server "local"`;
    expect(statuses(await evaluateProduct(ghost, servers))).toEqual({
      'quality:q1': `error: server "local" could not be opened: ${reason}`,
      'sla:availability': `fail: data could not be read: ${reason}`,
      'schema:drift': `error: server "local" could not be opened: ${reason}`,
      'volume:orders': `error: server "local" could not be opened: ${reason}`,
    });
  });

  it('evaluates nothing on a server that does not serve the product', async () => {
    const only = new ServerRegistry(
      new Map([
        [
          'local',
          {
            name: 'local',
            engine: 'duckdb',
            directory: dir,
            products: ['component:default/ledger'],
          },
        ],
      ]),
      { timeoutMillis: 2000 },
    );
    const product = orders(sqlRules(1, 'SELECT 0'));
    expect(await evaluateProduct(product, only)).toBeUndefined();
    expect(only.serverFor(product)).toEqual({
      reason:
        'server local does not serve component:default/orders (dataMesh.servers.local.products)',
    });
  });
});
