/**
 * The databases a benchmark runs on: a SQLite file, and PostgreSQL when DM_PG_URL names a
 * server (scripts/pg-cluster.sh start), each migrated to the plugin's schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';

const migrations = path.resolve(__dirname, '../migrations');

export interface BenchDatabase {
  name: string;
  knex: Knex;
  close(): Promise<void>;
}

export async function benchDatabases(): Promise<BenchDatabase[]> {
  const out: BenchDatabase[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  await sqlite.migrate.latest({ directory: migrations });
  out.push({
    name: 'SQLite',
    knex: sqlite,
    close: async () => {
      await sqlite.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
  const url = process.env.DM_PG_URL;
  if (url) {
    const database = `dm_bench_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: url });
    await admin.raw(`CREATE DATABASE ${database}`);
    const pgUrl = new URL(url);
    pgUrl.pathname = `/${database}`;
    const pg = knexFactory({
      client: 'pg',
      connection: pgUrl.toString(),
      pool: { min: 0, max: 8 },
    });
    await pg.migrate.latest({ directory: migrations });
    out.push({
      name: 'PostgreSQL',
      knex: pg,
      close: async () => {
        await pg.destroy();
        await admin.raw(`DROP DATABASE ${database}`);
        await admin.destroy();
      },
    });
  } else {
    console.log(
      'PostgreSQL: skipped (DM_PG_URL is not set; run `eval "$(scripts/pg-cluster.sh start)"` first)',
    );
  }
  return out;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
