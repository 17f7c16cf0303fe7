/**
 * The data-mesh actions as the actions registry serves them (what an MCP server lists and
 * invokes): read-only, asking the access gate with the caller's credentials.
 */
import fs from 'node:fs';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { OTHER, OWNER, startMesh } from '../__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const BASE = '/api/data-mesh/.backstage/actions/v1/actions';

const ORDERS_V1 = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:draft
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        required: true
      - name: total
        logicalType: number
`;

describe.each(databases.eachSupportedId())(
  'the data-mesh actions on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    const as = (ref: string) => mockCredentials.user.header(ref);
    const invoke = (name: string, input: object, caller = OWNER) =>
      request(mesh.server)
        .post(`${BASE}/data-mesh:${name}/invoke`)
        .set('Authorization', as(caller))
        .send(input);

    beforeAll(async () => {
      mesh = await startMesh(
        await databases.init(databaseId),
        undefined,
        {},
        undefined,
        [],
        { backend: { actions: { pluginSources: ['data-mesh'] } } },
      );
    }, 60_000);

    afterAll(() => fs.rmSync(mesh.dir, { recursive: true, force: true }));

    it('lists five read-only actions', async () => {
      const res = await request(mesh.server)
        .get(BASE)
        .set('Authorization', as(OTHER))
        .expect(200);
      expect(
        res.body.actions.map((a: any) => [a.id, a.attributes]).sort(),
      ).toEqual(
        [
          'data-mesh:check-governance',
          'data-mesh:diff-contract-versions',
          'data-mesh:find-data-products',
          'data-mesh:get-data-contract',
          'data-mesh:get-slo-status',
        ].map(id => [
          id,
          { readOnly: true, idempotent: true, destructive: false },
        ]),
      );
    });

    it('finds only the products the caller may discover', async () => {
      const other = await invoke('find-data-products', {}, OTHER).expect(200);
      expect(other.body.output.products.map((p: any) => p.entityRef)).toEqual([
        'component:default/orders',
      ]);
      const owner = await invoke('find-data-products', {
        query: 'revenue amount',
      }).expect(200);
      expect(owner.body.output).toEqual({
        total: 1,
        products: [
          expect.objectContaining({
            entityRef: 'component:default/revenue',
            owner: OWNER,
            classification: 'restricted',
            mayRead: true,
          }),
        ],
      });
      const none = await invoke('find-data-products', {
        domain: 'marketing',
      }).expect(200);
      expect(none.body.output.total).toBe(0);
    });

    it('reads a contract as the access model allows, and a hidden product is not found', async () => {
      const revenue = await invoke('get-data-contract', {
        entityRef: 'revenue',
      }).expect(200);
      expect(revenue.body.output).toMatchObject({
        entityRef: 'component:default/revenue',
        format: 'odcs',
        redacted: false,
        contract: { id: 'urn:test:revenue', version: '2.0.0' },
      });
      expect(revenue.body.output.source).toContain('urn:test:revenue');
      const hidden = await invoke(
        'get-data-contract',
        { entityRef: 'component:default/revenue' },
        OTHER,
      );
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain('urn:test:revenue');
    });

    it("gives a product's SLO status to its readers", async () => {
      await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', mockCredentials.service.header())
        .send({
          runId: 'actions-1',
          entityRef: 'component:default/orders',
          observations: [{ sloId: 'enough-rows', status: 'fail', value: 3 }],
        })
        .expect(200);
      const res = await invoke('get-slo-status', {
        entityRef: 'component:default/orders',
        window: '30d',
      }).expect(200);
      expect(res.body.output.window).toBe('30d');
      expect(res.body.output.slos).toContainEqual(
        expect.objectContaining({
          id: 'quality:enough-rows',
          status: 'fail',
          lastValue: 3,
          target: 'rows in orders > 5',
        }),
      );
      expect(
        (await invoke('get-slo-status', { entityRef: 'revenue' }, OTHER))
          .status,
      ).toBe(404);
    });

    it('checks a draft against the governance policies', async () => {
      const res = await invoke('check-governance', {
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'draft-orders' },
          spec: { type: 'data-product', lifecycle: 'experimental' },
        },
        contract: ORDERS_V1,
      }).expect(200);
      expect(res.body.output).toMatchObject({
        entityRef: 'component:default/draft-orders',
        blocked: expect.any(Boolean),
      });
      expect(res.body.output.results.length).toBeGreaterThan(0);
      const bad = await invoke('check-governance', { entity: 'orders' });
      expect(bad.status).toBe(400);
    });

    it('diffs two versions of a contract, or a product against a new version', async () => {
      const after = ORDERS_V1.replace(
        'version: 1.0.0',
        'version: 1.1.0',
      ).replace(/ {6}- name: total\n {8}logicalType: number\n/, '');
      const res = await invoke('diff-contract-versions', {
        before: ORDERS_V1,
        after,
      }).expect(200);
      expect(res.body.output).toMatchObject({
        requiredBump: 'major',
        versionOk: false,
        oldVersion: '1.0.0',
        newVersion: '1.1.0',
      });
      expect(res.body.output.changes).toContainEqual(
        expect.objectContaining({
          path: 'schema.orders.properties.total',
          severity: 'breaking',
        }),
      );
      const ofProduct = await invoke('diff-contract-versions', {
        entityRef: 'revenue',
        after: fs
          .readFileSync(`${mesh.dir}/revenue.odcs.yaml`, 'utf8')
          .replace(/ {6}- name: amount\n {8}logicalType: number\n/, ''),
      }).expect(200);
      expect(ofProduct.body.output).toMatchObject({
        oldVersion: '2.0.0',
        requiredBump: 'major',
        changes: [
          expect.objectContaining({
            path: 'schema.revenue.properties.amount',
            severity: 'breaking',
          }),
        ],
      });
      expect(
        (
          await invoke(
            'diff-contract-versions',
            { entityRef: 'revenue', after: ORDERS_V1 },
            OTHER,
          )
        ).status,
      ).toBe(404);
    });
  },
);
