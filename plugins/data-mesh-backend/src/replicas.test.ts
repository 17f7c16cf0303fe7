/**
 * Two backend replicas on one PostgreSQL, as an organisation runs them: they share the
 * evaluation round, each other's pushes and the alerts, and one takes over when the other
 * stops in the middle of a round. PostgreSQL only (SQLite is the single-replica default).
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import duckDbModule from '@backstage-data-mesh/plugin-data-mesh-backend-module-duckdb';
import postgresModule from '@backstage-data-mesh/plugin-data-mesh-backend-module-postgres';
import {
  product,
  startMesh,
  writeCatalog,
  writeMesh,
  writeOrders,
  type TestMesh,
} from './__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

const warehouse = process.env.DM_PG_URL;

/** A product whose one check waits two seconds on the warehouse. */
const SLOW = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:slow
name: Slow
version: 1.0.0
status: active
servers:
  - server: warehouse
    type: postgres
    host: warehouse
    port: 5432
    database: postgres
    schema: public
schema:
  - name: pg_class
    quality:
      - id: waits
        type: sql
        query: SELECT COUNT(*) FROM pg_sleep(2)
        mustBe: 1
`;

const service = () => mockCredentials.service.header();

const eachPostgres = databases.eachSupportedId();

const suite =
  eachPostgres.length > 0 && warehouse
    ? describe.each(eachPostgres)
    : describe.skip.each([['no PostgreSQL: start scripts/pg-cluster.sh']]);

suite('two replicas on %p', (databaseId: any) => {
  let knex: Knex;
  let dir: string;
  let a: TestMesh;
  let b: TestMesh;

  const runs = async (entityRef: string, since: number) =>
    Number(
      (
        await knex('dm_runs')
          .where({ entity_ref: entityRef, source: 'scheduler' })
          .andWhere('finished_at', '>=', since)
          .count({ n: '*' })
      )[0].n,
    );

  // Two whole backends migrate and start on one PostgreSQL: minutes on a busy 2-core machine.
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    dir = writeMesh();
    fs.writeFileSync(path.join(dir, 'slow.odcs.yaml'), SLOW);
    writeCatalog(dir, [product('slow', { owner: 'group:default/sales' })]);
    const config = {
      servers: {
        local: { directory: dir },
        warehouse: { connection: warehouse },
      },
    };
    // both engines, as the example portal installs them: files and the warehouse
    const replica = () =>
      startMesh(knex, dir, config, undefined, [], {}, [
        duckDbModule,
        postgresModule,
      ]);
    [a, b] = await Promise.all([replica(), replica()]);
  }, 180_000);

  afterAll(async () => {
    await b?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('evaluates each product once per round, whichever replica takes it', async () => {
    const since = Date.now();
    writeOrders(dir, { ageMinutes: 180 });
    const [roundA, roundB] = await Promise.all(
      [a, b].map(replica =>
        request(replica.server)
          .post('/api/data-mesh/slo/evaluate')
          .set('Authorization', service())
          .expect(200),
      ),
    );
    // orders, slow, and revenue (its schema drift)
    expect(roundA.body.evaluated + roundB.body.evaluated).toBe(3);
    expect(await runs('component:default/orders', since)).toBe(1);
    expect(await runs('component:default/slow', since)).toBe(1);
  });

  it('tells the owners once of an SLO that started failing, though both replicas deliver', async () => {
    const titles = [...a.notifications, ...b.notifications]
      .map(n => n.payload.title)
      .filter(t => t.includes('freshness'));
    expect(titles).toEqual(['Orders: SLO "freshness" is failing']);
  });

  it('shows a result pushed to one replica on the other', async () => {
    await request(a.server)
      .post('/api/data-mesh/results')
      .set('Authorization', service())
      .send({
        runId: 'pushed-to-a',
        entityRef: 'component:default/orders',
        observations: [
          { sloId: 'quality:enough-rows', status: 'fail', value: 1 },
        ],
      })
      .expect(200);
    const seen = await request(b.server)
      .get('/api/data-mesh/products/default/orders/slo')
      .set('Authorization', mockCredentials.user.header('user:default/owner'))
      .expect(200);
    expect(
      seen.body.slos.find((s: any) => s.id === 'quality:enough-rows'),
    ).toMatchObject({ status: 'fail', lastValue: 1 });
  });

  it('takes over the products of a replica that stopped in the middle of a round', async () => {
    // A while later: every product was last evaluated long ago.
    await knex('dm_evaluation_schedule').update({ last_finished_at: 0 });
    const since = Date.now();
    const round = request(a.server)
      .post('/api/data-mesh/slo/evaluate')
      .set('Authorization', service())
      .then(
        r => r,
        () => undefined,
      );
    // Wait until replica a holds the slow product, then stop it.
    for (let i = 0; i < 100; i++) {
      const claimed = await knex('dm_evaluation_schedule')
        .where({ entity_ref: 'component:default/slow' })
        .whereNotNull('claimed_by')
        .first();
      if (claimed) break;
      await new Promise(r => setTimeout(r, 50));
    }
    await a.stop();
    await round;
    expect(await runs('component:default/slow', since)).toBe(0);
    const rest = await request(b.server)
      .post('/api/data-mesh/slo/evaluate')
      .set('Authorization', service())
      .expect(200);
    expect(rest.body.evaluated).toBeGreaterThanOrEqual(1);
    expect(await runs('component:default/slow', since)).toBe(1);
  });
});
