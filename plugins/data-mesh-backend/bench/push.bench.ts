/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * Push throughput: pipelines posting results to POST /api/data-mesh/results over loopback,
 * four at a time, 500 observations a request, into SQLite and PostgreSQL; then every
 * observation is counted back (nothing lost). Goal ≥ 2,000 observations/s. Baseline, in the
 * same run: the same runs stored directly (no HTTP, no parsing, no authorisation).
 *
 * The router is the plugin's own; the services around it are stand-ins: a fixed product, a
 * token check that accepts one bearer token, permissions that allow.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  deriveSlos,
  describeProductAccess,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  ObservationStore,
  type RunInput,
} from '../src/database/ObservationStore';
import { LineageStore } from '../src/database/LineageStore';
import { AlertOutbox } from '../src/database/AlertOutbox';
import { SloRecorder } from '../src/evaluation/SloRecorder';
import { SloAlerts } from '../src/alerts/SloAlerts';
import { createRouter } from '../src/router/createRouter';
import {
  DEFAULT_REQUEST_LIMITS,
  type RouterContext,
} from '../src/router/context';
import { PushSubjects } from '../src/access/PushSubjects';
import { EvaluationLimiter } from '../src/access/EvaluationLimiter';
import type { DataProduct } from '../src/products/DataProduct';
import { benchDatabases } from './databases';

const REQUESTS = 100;
const PER_REQUEST = 500;
const CONCURRENCY = 4;
const GOAL = 2000;
const TOKEN = 'bench-token';

const contract: any = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'bench',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: Array.from({ length: 10 }, (_, i) => ({
        name: `c${i}`,
        quality: [{ metric: 'nullValues', mustBe: 0 }],
      })),
    },
  ],
};
const product: DataProduct = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'bench' },
  },
  entityRef: 'component:default/bench',
  name: 'bench',
  namespace: 'default',
  tags: [],
  classification: 'internal',
  access: describeProductAccess({
    entity: {
      metadata: { name: 'bench' },
      spec: { owner: 'group:default/bench' },
    },
    contract,
  }),
  contract,
  format: 'odcs',
  issues: [],
  slos: deriveSlos(contract).slos,
  owner: 'group:default/bench',
};
const sloIds = product.slos.map(s => s.id);
const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
} as any;

function body(n: number, prefix: string) {
  const start = Date.now() - 86_400_000;
  return {
    runId: `${prefix}-${n}`,
    entityRef: product.entityRef,
    observations: Array.from({ length: PER_REQUEST }, (_, i) => ({
      sloId: sloIds[i % sloIds.length],
      status: i % 50 === 0 ? 'fail' : 'pass',
      value: i,
      observedAt: new Date(start + n * PER_REQUEST + i).toISOString(),
    })),
  };
}

function post(
  port: number,
  agent: http.Agent,
  payload: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/data-mesh/results',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          'content-length': Buffer.byteLength(payload),
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function main() {
  let missed = false;
  for (const db of await benchDatabases()) {
    try {
      const store = new ObservationStore(db.knex);
      const service = {
        principal: { type: 'service', subject: 'external:bench' },
      } as any;
      const router = createRouter({
        logger: silent,
        auth: {
          authenticate: async (t: string) => {
            if (t !== TOKEN) throw new Error('bad token');
            return service;
          },
        } as any,
        httpAuth: {
          credentials: async (req: any) => {
            if (req.headers.authorization !== `Bearer ${TOKEN}`)
              throw new Error('bad token');
            return service;
          },
        } as any,
        permissions: {
          authorize: async (r: any[]) => r.map(() => ({ result: 'ALLOW' })),
        } as any,
        products: {
          listProducts: async () => [product],
          getProduct: async () => product,
        },
        observations: store,
        lineageEvents: new LineageStore(db.knex),
        lineage: {} as any,
        evaluator: {} as any,
        recorder: new SloRecorder(
          store,
          new SloAlerts(undefined, silent, new AlertOutbox(db.knex)),
        ),
        servers: {} as any,
        verdicts: {} as any,
        gate: { allows: async () => true } as any,
        pushSubjects: new PushSubjects(
          new Map([
            [
              'external:bench',
              { products: new Set([product.entityRef]), owners: new Set() },
            ],
          ]),
        ),
        evaluations: new EvaluationLimiter(),
        limits: DEFAULT_REQUEST_LIMITS,
        // The push route uses the services above alone.
      } as unknown as RouterContext);
      const app = express();
      app.use('/api/data-mesh', router);
      const server = app.listen(0, '127.0.0.1');
      await new Promise(resolve => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const agent = new http.Agent({
        keepAlive: true,
        maxSockets: CONCURRENCY,
      });
      const payloads = Array.from({ length: REQUESTS }, (_, n) =>
        JSON.stringify(body(n, 'http')),
      );

      const started = process.hrtime.bigint();
      let next = 0;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < payloads.length)
            statuses.push(await post(port, agent, payloads[next++]));
        }),
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      agent.destroy();
      server.close();
      const [{ n }] = await db
        .knex('dm_observations')
        .where('run_id', 'like', 'http-%')
        .count({ n: '*' });
      const stored = Number(n);
      const sent = REQUESTS * PER_REQUEST;
      const rate = sent / seconds;

      const direct: RunInput[] = Array.from({ length: REQUESTS }, (_, r) => {
        const b = body(r, 'direct');
        return {
          runId: b.runId,
          entityRef: b.entityRef,
          source: 'push',
          finishedAt: Date.now(),
          observations: b.observations.map(o => ({
            ...o,
            status: o.status as 'pass',
            observedAt: Date.parse(o.observedAt),
          })),
        };
      });
      const directStarted = process.hrtime.bigint();
      let queue = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (queue < direct.length) await store.recordRun(direct[queue++]);
        }),
      );
      const directRate =
        sent / (Number(process.hrtime.bigint() - directStarted) / 1e9);

      const ok = statuses.filter(s => s === 200).length;
      console.log(
        `${db.name}: ${REQUESTS} pushes of ${PER_REQUEST} observations, ${CONCURRENCY} at a time over loopback`,
      );
      console.log(
        `  ${rate.toFixed(
          0,
        )} observations/s (goal ≥ ${GOAL}); ${ok}/${REQUESTS} answered 200; ${stored}/${sent} observations stored${
          stored === sent ? ', none lost' : ' — LOST SOME'
        }`,
      );
      console.log(
        `  baseline (the same runs stored directly): ${directRate.toFixed(
          0,
        )} observations/s; HTTP path at ${(rate / directRate).toFixed(
          2,
        )}× of it`,
      );
      if (rate < GOAL || stored !== sent || ok !== REQUESTS) missed = true;
    } finally {
      await db.close();
    }
  }
  if (missed) {
    console.log('  GOAL MISSED');
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
