import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { OWNER, startMesh, writeOrders } from './__testUtils__/testMesh';

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

/** OpenLineage events of the project's own test files. */
const FILES = path.resolve(
  __dirname,
  '../../data-mesh-common/src/__testUtils__/fixtures',
);
const eventOf = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(FILES, name), 'utf8'));

const user = () => mockCredentials.user.header();
const owner = () => mockCredentials.user.header(OWNER);
const service = () => mockCredentials.service.header();

const ownResults = (runId: string, status = 'fail') => ({
  runId,
  entityRef: 'component:default/orders',
  finishedAt: new Date().toISOString(),
  observations: [
    {
      sloId: 'quality:orders.order_id:nullValues',
      status,
      value: status === 'fail' ? 3 : 0,
    },
    { sloId: 'enough-rows', status: 'pass', value: 20 },
  ],
});

describe.each(databases.eachSupportedId())(
  'the data-mesh API on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;

    beforeAll(async () => {
      mesh = await startMesh(await databases.init(databaseId));
    }, 60_000);

    afterAll(() => fs.rmSync(mesh.dir, { recursive: true, force: true }));

    it('refuses every route without a Backstage token (401)', async () => {
      const none = mockCredentials.none.header();
      await request(mesh.server)
        .get('/api/data-mesh/products')
        .set('Authorization', none)
        .expect(401);
      await request(mesh.server)
        .get('/api/data-mesh/lineage?entity=orders')
        .set('Authorization', none)
        .expect(401);
      const push = await request(mesh.server)
        .post('/api/data-mesh/results')
        .send(ownResults('r0'));
      expect(push.status).toBe(401);
      expect(push.body.error.message).toContain('Backstage token');
      await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .send(eventOf('openlineage-run-event.json'))
        .expect(401);
      await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('x-api-key', 'not-a-token')
        .send(ownResults('r0'))
        .expect(401);
    });

    it('lists the data products the caller may discover, with their domain, owner, classification and health', async () => {
      const anyone = await request(mesh.server)
        .get('/api/data-mesh/products')
        .set('Authorization', user())
        .expect(200);
      expect(anyone.body.items.map((p: any) => p.entityRef)).toEqual([
        'component:default/orders',
      ]);
      const res = await request(mesh.server)
        .get('/api/data-mesh/products')
        .set('Authorization', owner())
        .expect(200);
      expect(res.body.items.map((p: any) => p.entityRef).sort()).toEqual([
        'component:default/orders',
        'component:default/revenue',
      ]);
      const revenue = res.body.items.find((p: any) => p.name === 'revenue');
      expect(revenue).toMatchObject({
        domain: 'domain:default/sales',
        system: 'system:default/sales-data',
        owner: OWNER,
        classification: 'restricted',
        productKind: 'source-aligned',
        version: '2.0.0',
        sloHealth: 'unknown',
        fieldNames: ['revenue.day', 'revenue.amount'],
        access: { read: true, owners: [OWNER] },
      });
    });

    it('shows a product with its ports and servers, without credentials', async () => {
      const res = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders')
        .set('Authorization', user())
        .expect(200);
      expect(res.body.servers).toEqual([
        {
          server: 'local',
          type: 'local',
          location: 'orders/orders.csv',
          evaluated: true,
        },
        {
          server: 'warehouse',
          type: 'postgres',
          location: 'warehouse:5432/shop.public',
          evaluated: false,
          notEvaluatedBecause:
            'server warehouse is not configured (dataMesh.servers.warehouse)',
        },
      ]);
      expect(res.body.contractRef).toMatchObject({
        id: 'urn:test:orders',
        format: 'odcs',
      });
      await request(mesh.server)
        .get('/api/data-mesh/products/default/nothing')
        .set('Authorization', user())
        .expect(404);
    });

    it('serves a restricted product to its owners only (404 for everyone else, as if it did not exist)', async () => {
      for (const route of [
        '',
        '/contract',
        '/slo',
        '/slo/history',
        '/governance',
      ]) {
        await request(mesh.server)
          .get(`/api/data-mesh/products/default/revenue${route}`)
          .set('Authorization', user())
          .expect(404);
      }
      const allowed = await request(mesh.server)
        .get('/api/data-mesh/products/default/revenue/contract')
        .set('Authorization', owner())
        .expect(200);
      expect(allowed.body).toMatchObject({
        format: 'odcs',
        contract: { id: 'urn:test:revenue' },
      });
      expect(allowed.body.source).toContain('kind: DataContract');
    });

    it('needs the push permission (403 for a user without it)', async () => {
      const res = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', user())
        .send(ownResults('r1'));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('data-mesh.results.create');
    });

    it('refuses malformed results with the reason and its path (400)', async () => {
      const res = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', service())
        .send({
          runId: 'bad',
          entityRef: 'component:default/orders',
          observations: [
            { sloId: 'x', status: 'green', observedAt: '2025-01-01T00:00:00' },
          ],
        });
      expect(res.status).toBe(400);
      expect(res.body.issues.map((i: any) => i.path)).toEqual([
        '/observations/0/status',
        '/observations/0/observedAt',
      ]);
      expect(res.body.error.message).toContain(
        'status must be "pass", "fail" or "error"',
      );
      const unknown = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', service())
        .send({ ...ownResults('r2'), entityRef: 'component:default/nope' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain(
        'no data product component:default/nope',
      );
      await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', service())
        .set('Content-Type', 'application/json')
        .send('{"runId":')
        .expect(400);
    });

    it('stores pushed results once per run id and shows them as SLO status', async () => {
      const first = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', service())
        .send(ownResults('run-42'));
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        runId: 'run-42',
        entityRef: 'component:default/orders',
        accepted: 2,
        duplicate: false,
      });
      const again = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', service())
        .send(ownResults('run-42', 'pass'));
      expect(again.body).toEqual({
        runId: 'run-42',
        entityRef: 'component:default/orders',
        accepted: 0,
        duplicate: true,
      });

      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo?window=7d')
        .set('Authorization', user())
        .expect(200);
      const nulls = slo.body.slos.find(
        (s: any) => s.id === 'quality:orders.order_id:nullValues',
      );
      expect(nulls).toMatchObject({
        status: 'fail',
        lastValue: 3,
        observations: 1,
        attainment: 0,
        errorBudget: { consumed: 1, remaining: 0 },
      });
      expect(
        slo.body.slos.find((s: any) => s.id === 'quality:enough-rows'),
      ).toMatchObject({ status: 'pass', observations: 1 });
      // Measured by the portal on its local server, freshness is unknown only until the
      // first scheduled check: no reason to give.
      const freshness = slo.body.slos.find(
        (s: any) => s.id === 'sla:freshness',
      );
      expect(freshness.status).toBe('unknown');
      expect(freshness.notMeasuredBecause).toBeUndefined();
      expect(mesh.notifications.map(n => n.payload.title)).toContain(
        'Orders: SLO "null values in orders.order_id" is failing',
      );
      await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo?window=1y')
        .set('Authorization', user())
        .expect(400);
    });

    it('accepts what datacontract test --publish sends, with the token in x-api-key', async () => {
      const run = {
        runId: '6c9a5e2e-9d1b-4d7e-9a43-0d6f1c0f0a11',
        id: '6c9a5e2e-9d1b-4d7e-9a43-0d6f1c0f0a11',
        dataContractId: 'urn:test:orders',
        dataContractVersion: '1.0.0',
        server: 'local',
        timestampStart: new Date(Date.now() - 5000)
          .toISOString()
          .replace('Z', '+00:00'),
        timestampEnd: new Date().toISOString().replace('Z', '+00:00'),
        result: 'failed',
        checks: [
          {
            type: 'field_required',
            name: 'Check that field order_id is present',
            model: 'orders',
            field: 'order_id',
            result: 'passed',
            engine: 'ibis',
            diagnostics: { metric: 'missing_count', value: 0, row_count: 20 },
          },
          {
            type: 'row_count',
            model: 'orders',
            qualityId: 'enough-rows',
            result: 'failed',
            reason: 'only 3 rows',
            diagnostics: { metric: 'row_count', value: 3 },
          },
          {
            type: 'field_type',
            model: 'orders',
            field: 'total',
            result: 'skipped',
          },
          {
            type: 'schema',
            model: 'orders',
            result: 'error',
            reason: 'cannot connect',
          },
        ],
        logs: [
          {
            level: 'INFO',
            message: 'done',
            timestamp: new Date().toISOString(),
          },
        ],
      };
      const res = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('x-api-key', mockCredentials.service.token())
        .send(run);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        runId: run.runId,
        entityRef: 'component:default/orders',
        accepted: 3,
        duplicate: false,
      });
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      const byId = Object.fromEntries(slo.body.slos.map((s: any) => [s.id, s]));
      expect(byId['quality:orders.order_id:nullValues']).toMatchObject({
        status: 'pass',
        lastValue: 0,
      });
      expect(byId['quality:enough-rows']).toMatchObject({
        status: 'fail',
        lastValue: 3,
        lastError: 'only 3 rows',
      });
      expect(byId['datacontract:schema:orders']).toMatchObject({
        status: 'error',
        source: 'push',
      });
    });

    it('takes OpenLineage events as the HTTP transport sends them and shows them in the lineage', async () => {
      const full = await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .set('Authorization', service())
        .send(eventOf('openlineage-run-event.json'));
      expect(full.status).toBe(201);
      const naive = await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .set('Authorization', service())
        .send(eventOf('openlineage-dataset-event.json'));
      expect(naive.status).toBe(201);

      const dataset = await request(mesh.server)
        .get('/api/data-mesh/lineage')
        .query({
          entity: 'dataset:docks-warehouse/handover.handovers_v2',
          depth: 1,
        })
        .set('Authorization', user())
        .expect(200);
      expect(dataset.body.nodes).toEqual([
        {
          entityRef: 'dataset:docks-warehouse/handover.handovers_v2',
          title: 'handover.handovers_v2',
          sloHealth: 'unknown',
          external: true,
          depth: 0,
        },
        {
          entityRef: 'dataset:docks-archive/parcels.handovers',
          title: 'parcels.handovers',
          sloHealth: 'unknown',
          external: true,
          depth: 1,
        },
      ]);

      // A job reads an external topic and writes the orders file: matched through the contract's server.
      const job = await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .set('Authorization', service())
        .send({
          eventType: 'COMPLETE',
          eventTime: '2025-06-01T10:00:00Z',
          producer: 'https://example.com/pipeline',
          schemaURL:
            'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
          run: { runId: '0190a8f0-0000-7000-8000-000000000002' },
          job: { namespace: 'etl', name: 'load_orders' },
          inputs: [{ namespace: 'kafka://broker:9092', name: 'orders.v1' }],
          outputs: [
            {
              namespace: 'file',
              name: path.join(mesh.dir, 'orders', 'orders.csv'),
              facets: {
                columnLineage: {
                  _producer: 'x',
                  _schemaURL: 'y',
                  fields: {
                    order_id: {
                      inputFields: [
                        {
                          namespace: 'kafka://broker:9092',
                          name: 'orders.v1',
                          field: 'id',
                        },
                      ],
                    },
                  },
                },
              },
            },
          ],
        });
      expect(job.body.matchedProducts).toEqual(['component:default/orders']);

      const lineage = await request(mesh.server)
        .get(
          '/api/data-mesh/lineage?entity=component:default/revenue&depth=2&direction=up&columns=true',
        )
        .set('Authorization', owner())
        .expect(200);
      expect(lineage.body.edges).toEqual(
        expect.arrayContaining([
          {
            from: 'component:default/orders',
            to: 'component:default/revenue',
            source: 'declared',
          },
          {
            from: 'dataset:kafka://broker:9092/orders.v1',
            to: 'component:default/orders',
            source: 'openlineage',
            columns: [
              {
                from: 'orders.v1.id',
                // the product's schema object, not the file's path on the server
                to: 'orders.order_id',
              },
            ],
          },
        ]),
      );
      expect(
        lineage.body.nodes.find(
          (n: any) => n.entityRef === 'component:default/orders',
        ),
      ).toMatchObject({
        depth: 1,
        owner: 'group:default/sales',
        domain: 'domain:default/sales',
        governance: expect.stringMatching(/^(pass|warn|block|unknown)$/),
      });

      const bad = await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .set('Authorization', service())
        .send({ eventTime: 'now' });
      expect(bad.status).toBe(400);
      expect(bad.body.issues.map((i: any) => i.path)).toContain('/eventTime');
      await request(mesh.server)
        .get('/api/data-mesh/lineage?entity=orders&depth=0')
        .set('Authorization', user())
        .expect(400);
    });

    it('evaluates SLOs on the data and tells the owners once when one starts failing, once when it recovers', async () => {
      writeOrders(mesh.dir, { ageMinutes: 180 });
      const before = mesh.notifications.length;
      const evaluate = () =>
        request(mesh.server)
          .post('/api/data-mesh/slo/evaluate?entity=component:default/orders')
          .set('Authorization', service())
          .expect(200);
      expect((await evaluate()).body).toMatchObject({
        evaluated: 1,
        failures: [],
      });
      await evaluate();
      const stale = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      const freshness = stale.body.slos.find(
        (s: any) => s.id === 'sla:freshness',
      );
      expect(freshness).toMatchObject({
        status: 'fail',
        observations: 2,
        kind: 'freshness',
      });
      expect(freshness.lastValue).toBeGreaterThan(3 * 3600 - 120);
      const failing = mesh.notifications
        .slice(before)
        .filter(n => n.payload.title.includes('freshness'));
      expect(failing).toHaveLength(1);
      expect(failing[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: 'group:default/sales' },
        payload: { severity: 'high' },
      });

      writeOrders(mesh.dir, { ageMinutes: 1 });
      await evaluate();
      const titles = mesh.notifications.slice(before).map(n => n.payload.title);
      expect(titles.filter(t => t.includes('freshness'))).toEqual([
        'Orders: SLO "freshness" is failing',
        'Orders: SLO "freshness" recovered',
      ]);
      const products = await request(mesh.server)
        .get('/api/data-mesh/products')
        .set('Authorization', user())
        .expect(200);
      expect(
        products.body.items.find((p: any) => p.name === 'orders').freshness
          .maxAgeSeconds,
      ).toBe(3600);
      // It passes again, but two failures of three checks in the last hour burn its budget
      // far faster than allowed: at risk, the same in the list, on the page and the SLOs tab.
      const recovered = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', user())
        .expect(200);
      expect(recovered.body.health.health).toBe('at-risk');
      expect(recovered.body.health.reasons.join()).toMatch(
        /freshness: fast burn/,
      );
      expect(
        recovered.body.slos.find((s: any) => s.id === 'sla:freshness'),
      ).toMatchObject({
        status: 'pass',
        condition: 'at-risk',
        assessment: { burn: { speed: 'fast', action: 'page' } },
      });
      const page = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders')
        .set('Authorization', user())
        .expect(200);
      expect(
        products.body.items.find((p: any) => p.name === 'orders').sloHealth,
      ).toBe('at-risk');
      expect(page.body.sloHealth).toBe('at-risk');
      const atRisk = await request(mesh.server)
        .get('/api/data-mesh/products?health=at-risk')
        .set('Authorization', user())
        .expect(200);
      expect(atRisk.body.items.map((p: any) => p.name)).toEqual(['orders']);

      const history = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo/history?window=7d')
        .set('Authorization', user())
        .expect(200);
      // the three evaluations fall in one or two buckets of the 7-day view; a bucket shows its worst outcome
      const points = history.body.points.filter(
        (p: any) => p.sloId === 'sla:freshness',
      );
      expect(points[0]).toMatchObject({
        status: 'fail',
        value: expect.any(Number),
      });
    });

    it('evaluates governance policies for a product and for a draft', async () => {
      const report = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/governance')
        .set('Authorization', user())
        .expect(200);
      expect(report.body).toMatchObject({
        entityRef: 'component:default/orders',
        health: expect.stringMatching(/pass|warn|block/),
      });
      expect(report.body.results.length).toBeGreaterThan(0);
      const draft = await request(mesh.server)
        .post('/api/data-mesh/governance/evaluate')
        .set('Authorization', user())
        .send({
          entity: {
            metadata: { name: 'draft' },
            spec: { type: 'data-product' },
          },
        });
      expect(draft.status).toBe(200);
      expect(draft.body.entityRef).toBe('component:default/draft');
    });
  },
);
