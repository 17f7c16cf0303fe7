import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDbSession, insideDirectory } from './DuckDbSession';
import { describeEngine, orderRows, slo } from './engineSpec';

const now = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-duckdb-'));
const limits = { timeoutMillis: 2000, rowLimit: 100 };

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

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(
    path.join(dir, 'data', 'orders.csv'),
    `${csv(orderRows(now))}\n`,
  );
  fs.writeFileSync(path.join(os.tmpdir(), 'dm-outside.csv'), 'secret\n42\n');
  // The same rows as Parquet, and as a table in a DuckDB database file.
  const writer = await DuckDBInstance.create(':memory:');
  const c = await writer.connect();
  const source = path.join(dir, 'data', 'orders.csv');
  await c.run(
    `COPY (SELECT * FROM read_csv('${source}')) TO '${path.join(
      dir,
      'data',
      'orders.parquet',
    )}' (FORMAT parquet)`,
  );
  await c.run(
    `COPY (SELECT * FROM read_csv('${source}')) TO '${path.join(
      dir,
      'data',
      'orders.json',
    )}' (FORMAT json)`,
  );
  await c.run(`ATTACH '${path.join(dir, 'shop.duckdb')}' AS shop`);
  await c.run(
    `CREATE TABLE shop.orders AS SELECT * FROM read_csv('${source}')`,
  );
  await c.run('DETACH shop');
  c.closeSync();
  writer.closeSync();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const [format, target] of [
  ['CSV', { kind: 'files', path: 'data/{model}.csv', format: 'csv' }],
  [
    'Parquet',
    { kind: 'files', path: 'data/orders.parquet', format: 'parquet' },
  ],
  ['JSON', { kind: 'files', path: 'data/orders.json', format: 'json' }],
  ['a DuckDB database file', { kind: 'database', path: 'shop.duckdb' }],
] as const) {
  describe(`DuckDB on ${format}`, () => {
    let session: DuckDbSession;
    beforeAll(async () => {
      session = await DuckDbSession.open(
        { directory: dir, objects: ['orders'], ...target },
        limits,
      );
    });
    afterAll(() => session.close());
    describeEngine(
      `DuckDB on ${format}`,
      () => session,
      () => now,
    );
  });
}

describe('DuckDB sandbox', () => {
  let session: DuckDbSession;
  beforeAll(async () => {
    session = await DuckDbSession.open(
      {
        directory: dir,
        kind: 'files',
        path: 'data/orders.csv',
        format: 'csv',
        objects: ['orders'],
      },
      { timeoutMillis: 300, rowLimit: 100 },
    );
  });
  afterAll(() => session.close());

  it('interrupts a query that runs past the time limit', async () => {
    const started = Date.now();
    const measured = await session.measure(
      slo('slow', {
        type: 'sql',
        query: 'SELECT COUNT(*) FROM range(1000000000000) a',
      }),
    );
    expect(measured.error).toContain('longer than 300 ms');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(
      (
        await session.measure(
          slo('n', {
            type: 'library',
            metric: 'rowCount',
            object: 'orders',
            unit: 'rows',
          }),
        )
      ).value,
    ).toBe(10);
  });

  it('cannot read files outside the server directory, nor write any', async () => {
    const outside = path.join(os.tmpdir(), 'dm-outside.csv');
    const read = await session.measure(
      slo('x', {
        type: 'sql',
        query: `SELECT COUNT(*) FROM read_csv('${outside}')`,
      }),
    );
    expect(read.error).toMatch(/Permission|disabled/i);
    const copy = await session.measure(
      slo('x', {
        type: 'sql',
        query: `COPY orders TO '${path.join(dir, 'copy.csv')}'`,
      }),
    );
    expect(copy.error).toBeDefined();
    expect(fs.existsSync(path.join(dir, 'copy.csv'))).toBe(false);
  });

  it('refuses contract paths that leave the directory', async () => {
    expect(() => insideDirectory(dir, '../etc/passwd')).toThrow(
      /leaves the server's configured directory/,
    );
    const escaping = await DuckDbSession.open(
      {
        directory: dir,
        kind: 'files',
        path: '../{model}.csv',
        format: 'csv',
        objects: ['orders'],
      },
      limits,
    );
    try {
      const measured = await escaping.measure(
        slo('n', {
          type: 'library',
          metric: 'rowCount',
          object: 'orders',
          unit: 'rows',
        }),
      );
      expect(measured.error).toContain('leaves');
    } finally {
      await escaping.close();
    }
  });

  it('reports a missing file as an error of each check on it', async () => {
    const missing = await DuckDbSession.open(
      {
        directory: dir,
        kind: 'files',
        path: 'data/none.csv',
        format: 'csv',
        objects: ['orders'],
      },
      limits,
    );
    try {
      const measured = await missing.measure(
        slo('n', {
          type: 'library',
          metric: 'rowCount',
          object: 'orders',
          unit: 'rows',
        }),
      );
      expect(measured.error).toMatch(/cannot read orders/);
      expect(
        (
          await missing.measure(
            slo('a', { type: 'reachable', objects: ['orders'] }),
          )
        ).value,
      ).toBe(0);
    } finally {
      await missing.close();
    }
  });
});
