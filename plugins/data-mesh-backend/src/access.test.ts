/**
 * Who sees what, through every route, with the real catalog and the real permission
 * framework: a confidential product (everyone discovers, its owners read), a product that a
 * nested restricted field hides although its entity says public, and the restricted
 * `revenue` of the test mesh.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { dataMeshPolicyDecision } from '@backstage-data-mesh/plugin-data-mesh-node';
import request from 'supertest';
import {
  OTHER,
  OWNER,
  product,
  startMesh,
  writeCatalog,
  writeMesh,
} from './__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const other = () => mockCredentials.user.header(OTHER);
const owner = () => mockCredentials.user.header(OWNER);
const pipeline = () => mockCredentials.service.header();

const CUSTOMERS = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:customers
name: Customers
version: 1.0.0
status: active
servers:
  - server: local
    type: local
    path: customers/customers.csv
    format: csv
schema:
  - name: customers
    properties:
      - name: customer_id
        logicalType: string
        examples: [c-secret-example]
      - name: email
        logicalType: string
        examples: [someone@example.com]
slaProperties:
  - property: freshness
    value: 1
    unit: d
`;

const LEDGER = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:ledger
name: Ledger
version: 1.0.0
status: active
schema:
  - name: journal
    properties:
      - name: entry
        logicalType: object
        properties:
          - name: iban
            logicalType: string
            classification: restricted
`;

/** The test mesh plus `customers` (confidential) and `ledger` (public entity, restricted field). */
function accessMesh(): string {
  const dir = writeMesh();
  fs.writeFileSync(path.join(dir, 'customers.odcs.yaml'), CUSTOMERS);
  fs.writeFileSync(path.join(dir, 'ledger.odcs.yaml'), LEDGER);
  fs.mkdirSync(path.join(dir, 'customers'));
  fs.writeFileSync(
    path.join(dir, 'customers', 'customers.csv'),
    'customer_id,email\nc-1,a@b.c\n',
  );
  writeCatalog(dir, [
    product('customers', {
      owner: 'group:default/sales',
      annotations: { 'data-mesh/classification': 'confidential' },
      inputPorts: [{ name: 'revenue', product: 'component:default/revenue' }],
    }),
    product('ledger', {
      owner: 'group:default/sales',
      annotations: { 'data-mesh/classification': 'public' },
    }),
  ]);
  return dir;
}

describe.each(databases.eachSupportedId())(
  'who sees what of a data product, on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;

    beforeAll(async () => {
      mesh = await startMesh(await databases.init(databaseId), accessMesh());
    }, 60_000);

    afterAll(() => fs.rmSync(mesh.dir, { recursive: true, force: true }));

    const get = (route: string, who: string) =>
      request(mesh.server)
        .get(`/api/data-mesh${route}`)
        .set('Authorization', who);

    it('lists a confidential product to everyone, without its SLO health or freshness to non-owners', async () => {
      const list = await get('/products', other()).expect(200);
      expect(list.body.items.map((p: any) => p.name).sort()).toEqual([
        'customers',
        'orders',
      ]);
      const customers = list.body.items.find(
        (p: any) => p.name === 'customers',
      );
      expect(customers).toMatchObject({
        classification: 'confidential',
        sloHealth: 'unknown',
        access: { read: false, owners: ['group:default/sales'] },
        fieldNames: ['customers.customer_id', 'customers.email'],
      });
      expect(customers.freshness.lastUpdatedAt).toBeUndefined();
      const mine = await get('/products', owner()).expect(200);
      expect(
        mine.body.items.find((p: any) => p.name === 'customers').access.read,
      ).toBe(true);
    });

    it('shows a non-owner the contract of a confidential product without its examples or source', async () => {
      const res = await get(
        '/products/default/customers/contract',
        other(),
      ).expect(200);
      expect(res.body.redacted).toBe(true);
      expect(res.body.source).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('c-secret-example');
      expect(res.body.contract.schema[0].properties[1].name).toBe('email');
      const full = await get(
        '/products/default/customers/contract',
        owner(),
      ).expect(200);
      expect(full.body.source).toContain('c-secret-example');
    });

    it('refuses the SLOs and history of a confidential product to non-owners, naming whom to ask', async () => {
      const slo = await get('/products/default/customers/slo', other()).expect(
        403,
      );
      expect(slo.body.error.message).toContain('Ask group:default/sales');
      await get('/products/default/customers/slo/history', other()).expect(403);
      await get('/products/default/customers/slo', owner()).expect(200);
    });

    it('hides a product whose nested field is restricted although its entity says public', async () => {
      const list = await get('/products', other()).expect(200);
      expect(list.body.items.map((p: any) => p.name)).not.toContain('ledger');
      for (const route of ['', '/contract', '/governance', '/slo']) {
        await get(`/products/default/ledger${route}`, other()).expect(404);
      }
      const mine = await get('/products/default/ledger', owner()).expect(200);
      expect(mine.body.classification).toBe('restricted');
    });

    it('draws an undiscoverable product in lineage as a hidden node with no name, owner or columns', async () => {
      const res = await get(
        '/lineage?entity=component:default/customers&direction=up&depth=3&columns=true',
        other(),
      ).expect(200);
      const refs = res.body.nodes.map((n: any) => n.entityRef);
      expect(refs).not.toContain('component:default/revenue');
      const hidden = res.body.nodes.find((n: any) => n.hidden);
      expect(hidden).toEqual({
        entityRef: 'hidden:1',
        hidden: true,
        sloHealth: 'unknown',
        depth: 1,
      });
      expect(res.body.edges).toEqual(
        expect.arrayContaining([
          {
            from: 'hidden:1',
            to: 'component:default/customers',
            source: 'declared',
          },
          {
            from: 'component:default/orders',
            to: 'hidden:1',
            source: 'declared',
          },
        ]),
      );
      expect(JSON.stringify(res.body)).not.toContain('revenue');
      expect(
        res.body.nodes.find(
          (n: any) => n.entityRef === 'component:default/customers',
        ),
      ).toMatchObject({ sloHealth: 'unknown', restricted: true });
      expect(
        res.body.nodes.find(
          (n: any) => n.entityRef === 'component:default/orders',
        ).restricted,
      ).toBeUndefined();
      await get('/lineage?entity=component:default/revenue', other()).expect(
        404,
      );
      const mine = await get(
        '/lineage?entity=component:default/customers&direction=up&depth=3',
        owner(),
      ).expect(200);
      expect(mine.body.nodes.map((n: any) => n.entityRef)).toContain(
        'component:default/revenue',
      );
    });

    it('lets a pipeline push only for the products its token subject is mapped to', async () => {
      const push = (entityRef: string, who: string) =>
        request(mesh.server)
          .post('/api/data-mesh/results')
          .set('Authorization', who)
          .send({
            runId: `r-${entityRef}-${Math.random()}`,
            entityRef,
            observations: [
              { sloId: 'sla:freshness', status: 'pass', value: 1 },
            ],
          });
      expect(
        (await push('component:default/customers', pipeline())).status,
      ).toBe(200);
      const unmapped = await push(
        'component:default/customers',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:other-pipeline'),
          targetPluginId: 'data-mesh',
        }),
      );
      expect(unmapped.status).toBe(403);
      expect(unmapped.body.error.message).toContain(
        'dataMesh.push.subjects.external:other-pipeline',
      );
      const byNonOwner = await push('component:default/customers', other());
      expect(byNonOwner.status).toBe(403);
      expect((await push('component:default/customers', owner())).status).toBe(
        200,
      );
    });

    it('reads no body before the caller is authenticated, and no body over 1 MB after', async () => {
      const big = JSON.stringify({
        runId: 'x',
        pad: 'x'.repeat(2 * 1024 * 1024),
      });
      const anonymous = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Content-Type', 'application/json')
        .send(big);
      expect(anonymous.status).toBe(401);
      const tooBig = await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', pipeline())
        .set('Content-Type', 'application/json')
        .send(big);
      expect(tooBig.status).toBe(413);
    });

    it('refuses an OpenLineage event that links more datasets than one event may', async () => {
      const datasets = (n: number, prefix: string) =>
        Array.from({ length: n }, (_, i) => ({
          namespace: 'file',
          name: `/${prefix}/${i}`,
        }));
      const res = await request(mesh.server)
        .post('/api/data-mesh/openlineage/api/v1/lineage')
        .set('Authorization', pipeline())
        .send({
          eventType: 'COMPLETE',
          eventTime: new Date().toISOString(),
          producer: 'https://example.com/p',
          schemaURL:
            'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
          run: { runId: '0190a8f0-0000-7000-8000-000000000009' },
          job: { namespace: 'etl', name: 'fan' },
          inputs: datasets(40, 'in'),
          outputs: datasets(40, 'out'),
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        '1600 edges, more than the 1000',
      );
    });

    it('asks the catalog about products it conditionally hides, so its read rules hold on every data-mesh route', async () => {
      const dir = accessMesh();
      const hidingMesh = await startMesh(
        await databases.init(databaseId),
        dir,
        {},
        {
          async handle(query, user) {
            if (isPermission(query.permission, catalogEntityReadPermission)) {
              return createCatalogConditionalDecision(
                query.permission,
                catalogConditions.isEntityOwner({
                  claims: user?.info.ownershipEntityRefs ?? [],
                }),
              );
            }
            return (
              dataMeshPolicyDecision(query, user) ?? {
                result: AuthorizeResult.ALLOW,
              }
            );
          },
        },
      );
      try {
        const list = await request(hidingMesh.server)
          .get('/api/data-mesh/products')
          .set('Authorization', other())
          .expect(200);
        expect(list.body.items).toEqual([]);
        await request(hidingMesh.server)
          .get('/api/data-mesh/products/default/orders')
          .set('Authorization', other())
          .expect(404);
        const mine = await request(hidingMesh.server)
          .get('/api/data-mesh/products')
          .set('Authorization', owner())
          .expect(200);
        expect(mine.body.items.map((p: any) => p.name).sort()).toEqual([
          'customers',
          'ledger',
          'orders',
          'revenue',
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('follows the platform defaults of dataMesh.access: restricted products discoverable by everyone', async () => {
      const dir = accessMesh();
      const open = await startMesh(await databases.init(databaseId), dir, {
        access: { levels: { restricted: { discover: 'everyone' } } },
      });
      try {
        const list = await request(open.server)
          .get('/api/data-mesh/products')
          .set('Authorization', other())
          .expect(200);
        expect(list.body.items.map((p: any) => p.name).sort()).toEqual([
          'customers',
          'ledger',
          'orders',
          'revenue',
        ]);
        await request(open.server)
          .get('/api/data-mesh/products/default/revenue/slo')
          .set('Authorization', other())
          .expect(403);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
