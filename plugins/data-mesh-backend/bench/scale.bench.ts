/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * The mesh at organisation scale: 20,000 data products (BENCH_PRODUCTS) whose contracts live
 * behind a local HTTP host that counts what it serves, read by the catalog with the data-mesh
 * module, evaluated by backend replicas on one PostgreSQL against a warehouse stand-in whose
 * every check takes 50 ms. One replica evaluates a whole round, then two replicas do, in the
 * same run. It measures:
 *
 * - the round: time until every product was evaluated once, by one replica and by two (the
 *   ratio is the scale-out), and that every product was evaluated exactly once per round;
 * - contract reads: full reads from the contract host per contract change, across the
 *   catalog and both replicas (the initial ingestion and 100 changed contracts);
 * - `GET /products` p95 over 200 filtered pages asked by a user;
 * - the largest RSS of a replica.
 *
 * PostgreSQL: DM_PG_URL, else a cluster of its own (scripts/pg-cluster.sh).
 */
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ContractHost,
  benchContract,
  createWarehouse,
  writeCatalog,
} from './scale/mesh';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Each replica's V8 old-space limit in MiB (`--max-old-space-size`). */
const HEAP_MIB = Number(process.env.BENCH_HEAP_MIB ?? 1024);
const CHANGES = Math.min(100, PRODUCTS);
const GOALS = { roundSeconds: 300, ratio: 1.8, p95: 300, rssMiB: 1536 };

const root = path.resolve(__dirname, '../../..');
const service = mockCredentials.service.header();
const user = mockCredentials.user.header('user:default/bench-user');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** PostgreSQL: the one DM_PG_URL names, else a throwaway cluster started here. */
function postgres(): { url: string; stop(): void } {
  if (process.env.DM_PG_URL) return { url: process.env.DM_PG_URL, stop() {} };
  const started = spawnSync(
    path.join(root, 'scripts/pg-cluster.sh'),
    ['start'],
    {
      encoding: 'utf8',
    },
  );
  if (started.status !== 0) throw new Error(`PostgreSQL: ${started.stderr}`);
  const env: Record<string, string> = {};
  for (const line of started.stdout.split('\n')) {
    const m = /^export (\w+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return {
    url: env.DM_PG_URL,
    stop: () => {
      spawnSync(path.join(root, 'scripts/pg-cluster.sh'), ['stop'], {
        env: { ...process.env, ...env },
      });
    },
  };
}

function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A backend replica in a process of its own. */
class Replica {
  private child?: ChildProcess;
  port = 0;
  maxRss = 0;

  async start(config: object): Promise<void> {
    this.child = fork(
      path.join(__dirname, 'scale/replica.ts'),
      [JSON.stringify(config)],
      {
        execArgv: [
          '--require',
          '@backstage/cli/config/nodeTransform.cjs',
          // As a replica is deployed: with its heap capped (README, "Several replicas"), so
          // V8 collects garbage before the process grows past what its container allows.
          `--max-old-space-size=${HEAP_MIB}`,
        ],
        cwd: path.resolve(__dirname, '..'),
        // BENCH_LOG names a file for the replicas' logs.
        stdio: [
          'ignore',
          process.env.BENCH_LOG
            ? fs.openSync(process.env.BENCH_LOG, 'a')
            : 'ignore',
          'inherit',
          'ipc',
        ],
      },
    );
    this.port = await this.ask<number>(
      'ready',
      undefined,
      m => m.port,
      600_000,
    );
  }

  private ask<T>(
    type: string,
    send: object | undefined,
    pick: (message: any) => T,
    timeout = 30_000,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const child = this.child!;
      const handlers: {
        message: (message: any) => void;
        exit: (code: number | null) => void;
      } = {
        message: message => {
          if (message?.type !== type) return;
          done();
          resolve(pick(message));
        },
        exit: code => {
          done();
          reject(new Error(`the replica exited with ${code}`));
        },
      };
      function done() {
        clearTimeout(timer); // eslint-disable-line @typescript-eslint/no-use-before-define
        child.off('message', handlers.message);
        child.off('exit', handlers.exit);
      }
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${type} from the replica`));
      }, timeout);
      child.on('message', handlers.message);
      child.once('exit', handlers.exit);
      if (send) this.child!.send(send);
    });
  }

  async sampleRss(): Promise<void> {
    const rss = await this.ask<number>('rss', { type: 'rss' }, m => m.rss);
    this.maxRss = Math.max(this.maxRss, rss);
  }

  url(route: string) {
    return `http://127.0.0.1:${this.port}${route}`;
  }

  async get(route: string, authorization = service): Promise<any> {
    const res = await fetch(this.url(route), {
      headers: { Authorization: authorization },
    });
    if (!res.ok)
      throw new Error(`GET ${route}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  post(route: string, body?: object): Promise<Response> {
    return fetch(this.url(route), {
      method: 'POST',
      headers: { Authorization: service, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.send({ type: 'stop' });
    await Promise.race([
      new Promise(r => this.child!.once('exit', r)),
      sleep(30_000).then(() => this.child!.kill('SIGKILL')),
    ]);
  }
}

/** Polls until `check` answers true, sampling the replicas' memory meanwhile. */
/** Thrown by a check of `until` that will never succeed. */
class Stalled extends Error {}

async function until(
  what: string,
  check: () => Promise<boolean>,
  replicas: Replica[],
  timeout = 3_600_000,
) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await Promise.all(replicas.map(r => r.sampleRss().catch(() => {})));
    // A check that cannot succeed says so with a `Stalled` error; other errors (a replica
    // still starting) mean not yet.
    const done = await check().catch(error => {
      if (error instanceof Stalled) throw error;
      return false;
    });
    if (done) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2000);
  }
}

/**
 * Asks the replicas to evaluate the whole mesh at once, and measures the time until every
 * product was evaluated, from the runs recorded; checks each product once.
 */
async function round(db: Knex, replicas: Replica[]) {
  // Asked to evaluate the whole mesh, a replica leaves out the products evaluated in the last
  // minute (two replicas asked at once evaluate each product once): the round starts when the
  // last one is older than that.
  const [{ latest }] = await db('dm_runs')
    .where('source', 'scheduler')
    .max({ latest: 'finished_at' });
  if (latest) await sleep(Math.max(0, Number(latest) + 61_000 - Date.now()));
  const started = Date.now();
  for (const replica of replicas) {
    // The answer comes when the replica's part of the round is done; the database tells.
    replica.post('/api/data-mesh/slo/evaluate').catch(() => {});
  }
  const since = started - 1;
  const recorded = async () =>
    Number(
      (
        await db('dm_runs')
          .where('source', 'scheduler')
          .andWhere('finished_at', '>=', since)
          .count({ n: '*' })
      )[0].n,
    );
  await until(
    `a round of ${PRODUCTS} products`,
    async () => {
      const done = await recorded();
      // A round that records nothing in two minutes will not finish: say why, at once.
      if (done === 0 && Date.now() - started > 120_000)
        throw new Stalled(
          'no product was evaluated in two minutes: do the replicas have an SLO engine for the warehouse?',
        );
      return done >= PRODUCTS;
    },
    replicas,
  );
  const [{ last }] = await db('dm_runs')
    .where('source', 'scheduler')
    .andWhere('finished_at', '>=', since)
    .max({ last: 'finished_at' });
  const twice = await db('dm_runs')
    .where('source', 'scheduler')
    .andWhere('finished_at', '>=', since)
    .groupBy('entity_ref')
    .havingRaw('COUNT(*) > 1')
    .select('entity_ref');
  const distinct = Number(
    (
      await db('dm_runs')
        .where('source', 'scheduler')
        .andWhere('finished_at', '>=', since)
        .countDistinct({ n: 'entity_ref' })
    )[0].n,
  );
  return {
    seconds: (Number(last) - started) / 1000,
    once: twice.length === 0 && distinct === PRODUCTS,
  };
}

async function productsP95(replica: Replica): Promise<number> {
  const filters = [
    '',
    'domain=domain%3Adefault%2Fsales',
    'q=product-1',
    'classification=internal',
    'sort=sloHealth',
    'health=healthy',
    'sort=freshness&direction=desc',
    'owner=group%3Adefault%2Fteam-7',
  ];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const offset = (i * 37) % Math.max(1, PRODUCTS - 50);
    const query = `/api/data-mesh/products?limit=50&offset=${offset}&${
      filters[i % filters.length]
    }`;
    const t = process.hrtime.bigint();
    await replica.get(query, user);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.95) - 1];
}

async function main() {
  const pg = postgres();
  const run = `dmbench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: pg.url });
  const warehouseDb = `${run}_warehouse`;
  await admin.raw(`CREATE DATABASE ${warehouseDb}`);
  const warehouse = knexFactory({
    client: 'pg',
    connection: databaseUrl(pg.url, warehouseDb),
  });
  await createWarehouse(admin, warehouse);
  const host = new ContractHost(benchContract);
  await host.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-scale-'));
  const catalogFile = writeCatalog(dir, PRODUCTS, host.port);
  const config = {
    backend: {
      database: { client: 'pg', connection: pg.url, prefix: `${run}_` },
      reading: { allow: [{ host: `127.0.0.1:${host.port}` }] },
    },
    catalog: {
      rules: [
        {
          allow: ['Component', 'System', 'Domain', 'Group', 'User', 'Location'],
        },
      ],
      locations: [{ type: 'file', target: catalogFile }],
      // The products are processed once; the benchmark asks for refreshes itself.
      processingInterval: { hours: 1 },
    },
    permission: { enabled: true },
    dataMesh: {
      servers: {
        warehouse: {
          connection: databaseUrl(pg.url, warehouseDb),
          poolSize: CONCURRENCY,
        },
      },
      slo: {
        concurrency: CONCURRENCY,
        schedule: { frequency: { trigger: 'manual' }, timeout: { hours: 2 } },
      },
    },
  };
  const replicas = [new Replica(), new Replica()];
  const [first, second] = replicas;
  const pluginDb = knexFactory({
    client: 'pg',
    connection: databaseUrl(pg.url, `${run}_data-mesh`),
  });
  try {
    console.log(
      `${PRODUCTS} products, ${CONCURRENCY} evaluated at once per replica, checks of 50 ms, heap capped at ${HEAP_MIB} MiB per replica`,
    );
    let t = Date.now();
    await first.start(config);
    await until(
      'the catalog and the data-mesh backend to list every product',
      async () => {
        const page = await first.get('/api/data-mesh/products?limit=1');
        return page.total >= PRODUCTS;
      },
      [first],
    );
    console.log(
      `  ingested: ${((Date.now() - t) / 1000).toFixed(
        0,
      )} s (catalog processing and the backend's first sync)`,
    );
    const initialReads = host.reads;

    const one = await round(pluginDb, [first]);
    console.log(
      `  one replica: round ${one.seconds.toFixed(1)} s, each product once: ${
        one.once ? 'yes' : 'NO'
      }`,
    );

    t = Date.now();
    await second.start(config);
    await until(
      'the second replica to list every product',
      async () => {
        const page = await second.get('/api/data-mesh/products?limit=1');
        return page.total >= PRODUCTS;
      },
      replicas,
    );
    console.log(
      `  second replica up and synced: ${((Date.now() - t) / 1000).toFixed(
        0,
      )} s`,
    );
    const two = await round(pluginDb, replicas);
    const ratio = one.seconds / two.seconds;
    console.log(
      `  two replicas: round ${two.seconds.toFixed(1)} s (${ratio.toFixed(
        2,
      )}x one replica), each product once: ${two.once ? 'yes' : 'NO'}`,
    );

    const p95 = await productsP95(first);
    console.log(
      `  GET /products p95 over 200 filtered pages of 50, as a user: ${p95.toFixed(
        0,
      )} ms`,
    );

    // Contract changes: a new version of 100 contracts, refreshed in the catalog; both
    // replicas must serve the new version, read once from the host.
    const before = host.reads;
    for (let i = 0; i < CHANGES; i++) {
      host.change(i);
      await first.post('/api/catalog/refresh', {
        entityRef: `component:default/product-${i}`,
      });
    }
    await until(
      'both replicas to serve the changed contracts',
      async () => {
        for (const replica of replicas) {
          for (const i of [0, CHANGES - 1]) {
            const answer = await replica.get(
              `/api/data-mesh/products/default/product-${i}/contract`,
            );
            if (answer.contract?.version !== '1.2.0') return false;
          }
        }
        return true;
      },
      replicas,
      600_000,
    );
    const changeReads = host.reads - before;
    // The worse of the two: reads per new contract, and reads per changed one.
    const perChange = Math.max(initialReads / PRODUCTS, changeReads / CHANGES);
    console.log(
      `  contract reads from the host: ${initialReads} for ${PRODUCTS} new contracts, ${changeReads} for ${CHANGES} changed ones (${host.revalidations} unchanged-ETag answers besides)`,
    );
    const rssMiB = Math.max(first.maxRss, second.maxRss) / 1024 / 1024;
    console.log(
      `  largest RSS of a replica: ${rssMiB.toFixed(0)} MiB (first ${(
        first.maxRss / 1048576
      ).toFixed(0)}, second ${(second.maxRss / 1048576).toFixed(0)})`,
    );
    console.log(
      `  goals: round ≤ ${GOALS.roundSeconds} s on two replicas, ≥ ${
        GOALS.ratio
      }x one, each product once, ≤ 1 read per change, p95 ≤ ${
        GOALS.p95
      } ms, ≤ ${GOALS.rssMiB} MiB per replica; this machine has ${
        os.cpus().length
      } cores for both replicas, the catalog and PostgreSQL`,
    );
    console.log(
      `scale: ${PRODUCTS} products, 2 replicas: round ${two.seconds.toFixed(
        0,
      )} s (${ratio.toFixed(2)}x one replica), each product once: ${
        one.once && two.once ? 'yes' : 'no'
      }, contract reads ${perChange.toFixed(
        2,
      )} per change, /products p95 ${p95.toFixed(0)} ms, rss ${rssMiB.toFixed(
        0,
      )} MiB`,
    );
  } finally {
    await Promise.all(replicas.map(r => r.stop()));
    await host.stop();
    await pluginDb.destroy();
    await warehouse.destroy();
    const { rows } = await admin.raw(
      `SELECT datname FROM pg_database WHERE datname LIKE '${run}_%'`,
    );
    for (const { datname } of rows)
      await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    pg.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
