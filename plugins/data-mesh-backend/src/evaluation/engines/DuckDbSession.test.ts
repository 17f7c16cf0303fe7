import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  DUCKDB_DEFAULT_LIMITS,
  type DuckDbTarget,
  DuckDbSession,
  insideProductDirectory,
  productDirectory,
} from './DuckDbSession';
import { describeEngine, orderRows, slo } from './engineSpec';

const now = Date.now();
const dir = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'dm-duckdb-')),
);
const limits = { timeoutMillis: 2000, ...DUCKDB_DEFAULT_LIMITS };
const SECRET = 'secret-ssn-123';

function csv(rows: ReturnType<typeof orderRows>) {
  const cell = (v: unknown) => {
    if (v === null) return '';
    return v instanceof Date
      ? v.toISOString().replace('T', ' ').replace('Z', '')
      : String(v);
  };
  return [
    'order_id,status,total,updated_at',
    ...rows.map(r =>
      [r.order_id, r.status, r.total, r.updated_at].map(cell).join(','),
    ),
  ].join('\n');
}

/** The `orders` product keeps its files in `data/orders`, the `ledger` product in `data/ledger`. */
const target = (extra: Partial<DuckDbTarget>): DuckDbTarget => ({
  server: 'local',
  directory: dir,
  productDirectory: 'data/orders',
  kind: 'files',
  path: 'data/orders/orders.csv',
  format: 'csv',
  objects: ['orders'],
  ...extra,
});

const rowCount = slo('n', {
  type: 'library',
  metric: 'rowCount',
  object: 'orders',
  unit: 'rows',
});
const rule = (query: string) => slo('q1', { type: 'sql', query });

beforeAll(async () => {
  const orders = path.join(dir, 'data', 'orders');
  const ledger = path.join(dir, 'data', 'ledger');
  fs.mkdirSync(orders, { recursive: true });
  fs.mkdirSync(ledger, { recursive: true });
  fs.writeFileSync(path.join(orders, 'orders.csv'), `${csv(orderRows(now))}\n`);
  fs.writeFileSync(path.join(ledger, 'ledger.csv'), `ssn\n${SECRET}\n`);
  // a link inside the orders directory to the ledger's file
  fs.symlinkSync(
    path.join(ledger, 'ledger.csv'),
    path.join(orders, 'linked.csv'),
  );
  fs.writeFileSync(path.join(os.tmpdir(), 'dm-outside.csv'), 'secret\n42\n');
  // The same rows as Parquet, and as a table in a DuckDB database file.
  const writer = await DuckDBInstance.create(':memory:');
  const c = await writer.connect();
  const source = path.join(orders, 'orders.csv');
  await c.run(
    `COPY (SELECT * FROM read_csv('${source}')) TO '${path.join(
      orders,
      'orders.parquet',
    )}' (FORMAT parquet)`,
  );
  await c.run(
    `COPY (SELECT * FROM read_csv('${source}')) TO '${path.join(
      orders,
      'orders.json',
    )}' (FORMAT json)`,
  );
  await c.run(`ATTACH '${path.join(orders, 'shop.duckdb')}' AS shop`);
  await c.run(
    `CREATE TABLE shop.orders AS SELECT * FROM read_csv('${source}')`,
  );
  await c.run('DETACH shop');
  c.closeSync();
  writer.closeSync();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const [format, files, declared] of [
  [
    'CSV',
    { path: 'data/orders/{model}.csv', format: 'csv' },
    { types: false, nullability: false },
  ],
  [
    'Parquet',
    { path: 'data/orders/orders.parquet', format: 'parquet' },
    { types: true, nullability: false },
  ],
  [
    'JSON',
    { path: 'data/orders/orders.json', format: 'json' },
    { types: false, nullability: false },
  ],
  [
    'a DuckDB database file',
    { kind: 'database', path: 'data/orders/shop.duckdb' },
    { types: true, nullability: true },
  ],
] as const) {
  describe(`DuckDB on ${format}`, () => {
    let session: DuckDbSession;
    beforeAll(async () => {
      session = await DuckDbSession.open(target(files), limits);
    });
    afterAll(() => session.close());
    describeEngine(
      `DuckDB on ${format}`,
      () => session,
      () => now,
      declared,
    );
  });
}

describe('DuckDB sandbox', () => {
  let session: DuckDbSession;
  beforeAll(async () => {
    session = await DuckDbSession.open(target({}), {
      ...limits,
      timeoutMillis: 300,
    });
  });
  afterAll(() => session.close());

  it('interrupts a query that runs past the time limit', async () => {
    const started = Date.now();
    const measured = await session.measure(
      rule('SELECT COUNT(*) FROM range(1000000000000) a'),
    );
    expect(measured.error).toBe('timed out after 300 ms in rule "q1"');
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await session.measure(rowCount)).value).toBe(10);
  });

  it('interrupts the running query when its evaluation is aborted', async () => {
    const slow = await DuckDbSession.open(target({}), {
      ...limits,
      timeoutMillis: 60_000,
    });
    try {
      const controller = new AbortController();
      const started = Date.now();
      const measuring = slow.measure(
        rule('SELECT COUNT(*) FROM range(1000000000000) a'),
        controller.signal,
      );
      setTimeout(() => controller.abort(), 100);
      const measured = await measuring;
      expect(measured).toMatchObject({ sloId: 'q1', aborted: true });
      expect(measured.value).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(10_000);
      // the session is usable afterwards
      expect((await slow.measure(rowCount)).value).toBe(10);
    } finally {
      await slow.close();
    }
  });

  it("reads only the product's own directory, nor writes any", async () => {
    const outside = path.join(os.tmpdir(), 'dm-outside.csv');
    const ledger = path.join(dir, 'data', 'ledger', 'ledger.csv');
    for (const query of [
      `SELECT COUNT(*) FROM read_csv('${outside}')`,
      `SELECT COUNT(*) FROM read_csv('${ledger}')`,
      `SELECT COUNT(*) FROM read_csv('data/ledger/ledger.csv')`,
      `SELECT COUNT(*) FROM glob('${path.join(dir, 'data', '*', '*')}')`,
      `SELECT COUNT(*) FROM read_csv('${path.join(
        dir,
        'data',
        'orders',
        'linked.csv',
      )}')`,
    ]) {
      const read = await session.measure(rule(query));
      expect({ query, value: read.value }).toEqual({ query, value: undefined });
      expect(read.error).toMatch(
        /^(permission denied|data file missing or unreadable) in rule "q1"$/,
      );
    }
    const copy = await session.measure(
      rule(`COPY orders TO '${path.join(dir, 'data', 'orders', 'copy.csv')}'`),
    );
    expect(copy.error).toBeDefined();
    expect(fs.existsSync(path.join(dir, 'data', 'orders', 'copy.csv'))).toBe(
      false,
    );
  });

  it("refuses contract paths outside the product's own directory, without naming the server's directory", async () => {
    const product = await productDirectory(target({}));
    expect(product.real).toBe(path.join(dir, 'data', 'orders'));
    expect(() => insideProductDirectory(product, '../etc/passwd')).toThrow(
      `the path "../etc/passwd" is outside the product's own directory ("data/orders" on server "local")`,
    );
    expect(insideProductDirectory(product, 'data/orders/{model}.csv')).toBe(
      path.join(dir, 'data', 'orders', '{model}.csv'),
    );
    for (const written of [
      'data/ledger/ledger.csv',
      '../{model}.csv',
      `${dir}/data/ledger/ledger.csv`,
      'data/orders/../ledger/ledger.csv',
    ]) {
      const escaping = await DuckDbSession.open(
        target({ path: written }),
        limits,
      );
      try {
        const measured = await escaping.measure(rowCount);
        expect(measured.value).toBeUndefined();
        expect(measured.error).toContain(
          "is outside the product's own directory",
        );
        expect(measured.error).not.toContain(dir);
        expect(measured.error).not.toContain(SECRET);
      } finally {
        await escaping.close();
      }
    }
  });

  it('refuses a database file of another product', async () => {
    await expect(
      DuckDbSession.open(
        target({
          productDirectory: 'data/ledger',
          kind: 'database',
          path: 'data/orders/shop.duckdb',
        }),
        limits,
      ),
    ).rejects.toThrow(/outside the product's own directory/);
  });

  it("says when the product's own directory does not exist, without naming the server's directory", async () => {
    const opening = DuckDbSession.open(
      target({ productDirectory: 'data/none', path: 'data/none/x.csv' }),
      limits,
    );
    await expect(opening).rejects.toThrow(
      `the product's own directory "data/none" does not exist on server "local"`,
    );
    await expect(
      DuckDbSession.open(target({ productDirectory: '..' }), limits),
    ).rejects.toThrow(/is not a sub-directory of the server's directory/);
  });

  it('reports a missing file as an error of each check on it, without its path', async () => {
    const missing = await DuckDbSession.open(
      target({ path: 'data/orders/none.csv' }),
      limits,
    );
    try {
      const measured = await missing.measure(rowCount);
      expect(measured.error).toBe(
        'cannot read orders: data file missing or unreadable',
      );
      expect(measured.detail).toContain('none.csv');
      const reachable = await missing.measure(
        slo('a', { type: 'reachable', objects: ['orders'] }),
      );
      expect(reachable).toMatchObject({
        value: 0,
        unreachable: 'orders: data file missing or unreadable',
      });
    } finally {
      await missing.close();
    }
  });

  it('stops a query at the memory limit instead of growing', async () => {
    const small = await DuckDbSession.open(target({}), {
      timeoutMillis: 30_000,
      memoryLimit: '32MB',
      maxTempDirectorySize: '16MB',
    });
    try {
      const measured = await small.measure(
        rule(
          "SELECT COUNT(*) FROM (SELECT range AS r, repeat('x', 100) AS s FROM range(3000000) ORDER BY s DESC, r)",
        ),
      );
      expect(measured.value).toBeUndefined();
      expect(measured.error).toBe('memory limit reached in rule "q1"');
    } finally {
      await small.close();
    }
  });

  it('hands the backend one value, whatever the rule selects', async () => {
    // 100,000 rows of 4 MB each: only the first value ever leaves the engine
    const measured = await session.measure(
      rule("SELECT repeat('x', 4000000) FROM range(100000)"),
    );
    expect(measured.value).toBeUndefined();
    expect(measured.error).toBe('conversion error in rule "q1"');
    const first = await session.measure(
      rule("SELECT range, repeat('x', 4000000) FROM range(100000)"),
    );
    expect(first.value).toBe(0);
  });
});
