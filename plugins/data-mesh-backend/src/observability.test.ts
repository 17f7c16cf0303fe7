/**
 * What the backend observes beyond the contract's SLOs, through the API: schema drift,
 * volume, null rates and the owners' metrics, and the alerts the product file declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import type { Knex } from 'knex';
import { startMesh, writeOrders } from './__testUtils__/testMesh';
import { ObservationStore } from './database/ObservationStore';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const user = () => mockCredentials.user.header();
const service = () => mockCredentials.service.header();

describe.each(databases.eachSupportedId())(
  'observability through the API on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      mesh = await startMesh(knex);
    });

    afterAll(async () => {
      await mesh.stop();
      fs.rmSync(mesh.dir, { recursive: true, force: true });
    });

    const evaluate = (entity: string) =>
      request(mesh.server)
        .post(`/api/data-mesh/slo/evaluate?entity=${entity}`)
        .set('Authorization', service())
        .expect(200);

    it('fails the schema drift SLO when a column is renamed in the data, and marks the fields', async () => {
      writeOrders(mesh.dir, { renamed: { customer_id: 'customer' } });
      await evaluate('component:default/orders');
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      expect(
        slo.body.slos.find((s: any) => s.id === 'schema:drift'),
      ).toMatchObject({
        kind: 'schema',
        status: 'fail',
        lastValue: 1,
        lastError:
          'orders.customer_id is in the contract but not in the data; orders.customer is in the data but not in the contract (warning)',
      });
      const drift = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/drift')
        .set('Authorization', user())
        .expect(200);
      expect(drift.body).toMatchObject({
        status: 'fail',
        findings: [
          { kind: 'missing', object: 'orders', field: 'customer_id' },
          { kind: 'unknown', object: 'orders', field: 'customer' },
        ],
      });
      expect(mesh.notifications.map(n => n.payload.title)).toContain(
        'Orders: SLO "schema drift" is failing',
      );

      writeOrders(mesh.dir);
      await evaluate('component:default/orders');
      const fixed = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/drift')
        .set('Authorization', user())
        .expect(200);
      expect(fixed.body).toMatchObject({ status: 'pass', findings: [] });
      // the drift of a restricted product is its owners' to read
      await request(mesh.server)
        .get('/api/data-mesh/products/default/revenue/drift')
        .set('Authorization', user())
        .expect(404);
    });

    it('keeps the row count of each object and fails its volume SLO when it falls by more than half', async () => {
      const day = 86_400_000;
      const now = Date.now();
      // the counts of the last days: 20 rows each
      await new ObservationStore(knex).recordRun(
        {
          runId: 'volume-history',
          entityRef: 'component:default/orders',
          source: 'history',
          finishedAt: now - day,
          observations: [3, 2, 1].map(days => ({
            sloId: 'volume:orders',
            status: 'pass' as const,
            value: 20,
            observedAt: now - days * day,
          })),
        },
        { advanceStates: false },
      );
      writeOrders(mesh.dir, { rows: 8 });
      await evaluate('component:default/orders');
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      expect(
        slo.body.slos.find((s: any) => s.id === 'volume:orders'),
      ).toMatchObject({
        kind: 'volume',
        status: 'fail',
        lastValue: 8,
        lastError:
          '8 rows: 60 % fewer rows than the day before (more than 50 % change)',
        target: { bounds: 'change', value: 50, unit: 'rows' },
      });
      const history = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo/history?window=7d')
        .set('Authorization', user())
        .expect(200);
      const counts = history.body.points.filter(
        (p: any) => p.sloId === 'volume:orders',
      );
      expect(counts.slice(0, 3).map((p: any) => p.value)).toEqual([20, 20, 20]);
      expect(counts[counts.length - 1].status).toBe('fail');
      writeOrders(mesh.dir);
    });

    it('stores a Data Product Portal summary as observations of the product it names', async () => {
      const created = new Date(Date.now() - 60_000).toISOString();
      const push = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', service())
        .send({
          entityRef: 'component:default/orders',
          created_at: created,
          overall_status: 'failure',
          dimensions: { completeness: { status: 'success', score: 99.5 } },
          technical_assets: [{ name: 'orders', status: 'failure' }],
          details_url: 'https://quality.example.com/runs/42',
        })
        .expect(200);
      expect(push.body).toMatchObject({ accepted: 2, duplicate: false });
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      const pushed = slo.body.slos.filter((s: any) =>
        s.id.startsWith('datacontract:'),
      );
      expect(
        pushed.map((s: any) => [s.id, s.status, s.lastError ?? null]),
      ).toEqual(
        expect.arrayContaining([
          ['datacontract:completeness', 'pass', null],
          [
            'datacontract:asset:orders',
            'fail',
            'orders: failure, details: https://quality.example.com/runs/42',
          ],
        ]),
      );
    });

    it("stores an OpenLineage event's quality facets as observations of the product its dataset is", async () => {
      const file = path.join(mesh.dir, 'orders', 'orders.csv');
      const res = await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .set('Authorization', service())
        .send({
          eventType: 'COMPLETE',
          eventTime: new Date(Date.now() - 30_000).toISOString(),
          producer: 'https://example.com/pipeline',
          schemaURL:
            'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
          run: { runId: '0190a8f0-0000-7000-8000-0000000000aa' },
          job: { namespace: 'etl', name: 'check_orders' },
          inputs: [
            {
              namespace: 'file',
              name: file,
              inputFacets: {
                dataQualityAssertions: {
                  _producer: 'x',
                  _schemaURL: 'y',
                  assertions: [
                    {
                      assertion: 'no_negative_totals',
                      success: false,
                      description: 'totals are never negative',
                      actual: '2',
                    },
                  ],
                },
                dataQualityMetrics: {
                  _producer: 'x',
                  _schemaURL: 'y',
                  rowCount: 20,
                },
              },
            },
          ],
        })
        .expect(201);
      // the assertion, and the row count kept with the volume SLO's counts
      expect(res.body).toMatchObject({
        matchedProducts: ['component:default/orders'],
        qualityResults: { 'component:default/orders': 2 },
      });
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      expect(
        slo.body.slos.find(
          (s: any) => s.id === 'datacontract:no_negative_totals:orders',
        ),
      ).toMatchObject({
        status: 'fail',
        lastValue: 2,
        lastError: 'totals are never negative, actual 2',
      });
    });
  },
);
