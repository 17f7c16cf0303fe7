/**
 * Contract versions and the breaking-change gate, with the real catalog and permission
 * framework: the owner of `orders` announces a version that removes a field, the consumer
 * reading that field (and only it) is told and acknowledges, a consumer reading other fields
 * is not hit, and a product with a broken contract is no consumer at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import type { AddressInfo } from 'node:net';
import { runCli } from '@backstage-data-mesh/plugin-data-mesh-node';
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

const SEGMENTS = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:segments
name: Segments
version: 1.0.0
status: active
schema:
  - name: segments
    properties:
      - name: customer_id
        logicalType: string
`;

const BROKEN = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:broken
name: Broken
version: 1.0.0
status: active
schema:
  - name: broken
    properties:
      - name: x
        logicalType: text
`;

function versionMesh(): string {
  const dir = writeMesh();
  fs.writeFileSync(path.join(dir, 'segments.odcs.yaml'), SEGMENTS);
  fs.writeFileSync(path.join(dir, 'broken.odcs.yaml'), BROKEN);
  writeCatalog(dir, [
    product('segments', {
      owner: 'group:default/product',
      inputPorts: [
        {
          name: 'orders',
          product: 'orders',
          fields: ['orders.customer_id', 'orders.order_id'],
        },
      ],
    }),
    product('broken', {
      owner: 'group:default/product',
      inputPorts: [{ name: 'orders', product: 'orders' }],
    }),
  ]);
  // The test mesh's own revenue product, with the fields it reads.
  const catalog = fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'catalog-info.yaml'),
    catalog.replace(
      /product: component:default\/orders\n/,
      `product: component:default/orders\n        fields:\n          - orders.total\n`,
    ),
  );
  return dir;
}

/** The orders contract of the test mesh without customer_id, as version 2.0.0. */
/** `data-mesh diff --consumers` in this process, against the test portal, as a service. */
async function diffConsumers(
  server: { address(): unknown },
  dir: string,
  next: string,
) {
  fs.writeFileSync(path.join(dir, 'next.odcs.yaml'), next);
  const { port } = server.address() as AddressInfo;
  process.env.DATA_MESH_TOKEN = mockCredentials.service.token();
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(
      [
        'diff',
        '--consumers',
        'component:default/orders',
        '--portal',
        `http://localhost:${port}`,
        path.join(dir, 'orders.odcs.yaml'),
        path.join(dir, 'next.odcs.yaml'),
      ],
      {
        stdout: text => {
          stdout += text;
        },
        stderr: text => {
          stderr += text;
        },
      },
    );
    return { code, stdout, stderr };
  } finally {
    delete process.env.DATA_MESH_TOKEN;
  }
}

const GLOBAL_POLICIES = path.resolve(
  __dirname,
  '../../../examples/policies/global.yaml',
);

/** The result of the policy that holds a version at its breaking-change gate. */
const gatePolicy = (body: any) =>
  body.verdict.results.find(
    (r: any) => r.id === 'breaking-change-acknowledged',
  );

function nextOrders(dir: string): string {
  return fs
    .readFileSync(path.join(dir, 'orders.odcs.yaml'), 'utf8')
    .replace('version: 1.0.0', 'version: 2.0.0')
    .replace(/ {6}- name: customer_id\n {8}logicalType: string\n/, '');
}

describe.each(databases.eachSupportedId())(
  'contract versions and the breaking-change gate, on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    const api = (route: string) => `/api/data-mesh${route}`;
    const get = (route: string, who: string) =>
      request(mesh.server).get(api(route)).set('Authorization', who);
    const post = (route: string, who: string, body: object) =>
      request(mesh.server)
        .post(api(route))
        .set('Authorization', who)
        .send(body);

    beforeAll(async () => {
      mesh = await startMesh(await databases.init(databaseId), versionMesh(), {
        // the example platform's policies, which hold a version at its gate
        governance: { policies: [GLOBAL_POLICIES] },
      });
    }, 60_000);

    afterAll(async () => {
      await mesh.stop();
      fs.rmSync(mesh.dir, { recursive: true, force: true });
    });

    it('keeps the version the catalog serves, and lists precise consumers without broken products', async () => {
      const versions = await get('/products/default/orders/versions', other());
      expect(versions.status).toBe(200);
      expect(versions.body.items).toEqual([
        expect.objectContaining({
          version: '1.0.0',
          source: 'seen',
          current: true,
          comparable: true,
        }),
      ]);
      const consumers = await get(
        '/products/default/orders/consumers',
        owner(),
      );
      expect(consumers.body.items).toEqual([
        {
          ref: 'component:default/revenue',
          kind: 'product',
          via: ['input-port'],
          owners: [OWNER],
          fields: ['orders.total'],
        },
        {
          ref: 'component:default/segments',
          kind: 'product',
          via: ['input-port'],
          owners: ['group:default/product'],
          fields: ['orders.customer_id', 'orders.order_id'],
        },
      ]);
      // Someone who may not discover the restricted revenue product sees it hidden.
      const seenByOther = await get(
        '/products/default/orders/consumers',
        other(),
      );
      expect(seenByOther.body.items.map((c: any) => c.ref)).toEqual([
        'hidden:1',
        'component:default/segments',
      ]);
    });

    it('tells the consumers a breaking version hits, waits for them, and opens when they acknowledge', async () => {
      const contract = nextOrders(mesh.dir);
      expect(
        (await post('/products/default/orders/versions', other(), { contract }))
          .status,
      ).toBe(403);
      const announced = await post(
        '/products/default/orders/versions',
        owner(),
        {
          contract,
        },
      );
      expect(announced.status).toBe(201);
      const version = announced.body.version;
      expect(version).toMatchObject({
        version: '2.0.0',
        source: 'announced',
        current: false,
        previousVersion: '1.0.0',
        breaking: true,
        requiredBump: 'major',
      });
      expect(version.gate).toMatchObject({ state: 'waiting', pending: 1 });
      expect(version.gate.consumers.map((c: any) => c.ref)).toEqual([
        'component:default/segments',
      ]);
      expect(version.gate.consumers[0].changes[0].path).toBe(
        'schema.orders.properties.customer_id',
      );
      // Its owners were told what breaks for it, once; revenue's owner was not.
      const told = mesh.notifications.filter(
        n => n.payload.metadata?.event === 'breaking-change',
      );
      expect(told.map(n => n.recipients)).toEqual([
        { type: 'entity', entityRef: 'group:default/product' },
      ]);
      expect(told[0].payload.title).toContain(
        '2.0.0 breaks what component:default/segments reads',
      );
      // Announcing it again changes nothing.
      expect(
        (await post('/products/default/orders/versions', owner(), { contract }))
          .status,
      ).toBe(200);

      const diff = await get(
        `/products/default/orders/versions/diff?from=1.0.0&to=2.0.0`,
        other(),
      );
      expect(diff.body.diff.changes[0]).toMatchObject({
        path: 'schema.orders.properties.customer_id',
        severity: 'breaking',
      });

      // CI sees the same list, and fails while the version waits for its consumers.
      const waiting = await diffConsumers(mesh.server, mesh.dir, contract);
      expect(waiting.stderr).toBe('');
      expect(waiting.code).toBe(1);
      expect(waiting.stdout).toContain(
        'Consumers of component:default/orders this version hits: 1 (gate waiting',
      );
      expect(waiting.stdout).toContain(
        'component:default/segments (input-port; owners group:default/product): not acknowledged',
      );
      expect(waiting.stdout).toContain('schema.orders.properties.customer_id');

      // Governance holds the version until its consumers acknowledged it.
      const held = await post('/products/default/orders/impact', owner(), {
        contract,
      });
      expect(gatePolicy(held.body)).toMatchObject({ outcome: 'block' });
      expect(gatePolicy(held.body).message).toContain(
        'Version 2.0.0 breaks 1 consumer(s) that have not acknowledged it yet (component:default/segments)',
      );

      // Only the consumer's owners answer for it.
      const ack = {
        consumer: 'component:default/segments',
        decision: 'acknowledged',
      };
      expect(
        (
          await post(
            `/products/default/orders/versions/${version.id}/acknowledgements`,
            owner(),
            ack,
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await post(
            `/products/default/orders/versions/${version.id}/acknowledgements`,
            other(),
            { ...ack, consumer: 'component:default/revenue' },
          )
        ).status,
      ).toBe(400);
      const answered = await post(
        `/products/default/orders/versions/${version.id}/acknowledgements`,
        other(),
        { ...ack, note: 'We read customer_id from CRM now' },
      );
      expect(answered.status).toBe(201);
      expect(answered.body.gate).toMatchObject({ state: 'open', pending: 0 });
      expect(answered.body.gate.consumers[0].acknowledgement).toMatchObject({
        decision: 'acknowledged',
        by: OTHER,
        note: 'We read customer_id from CRM now',
      });
      expect(
        mesh.notifications.some(
          n =>
            n.recipients.type === 'entity' &&
            n.recipients.entityRef === 'group:default/sales' &&
            n.payload.metadata?.event === 'acknowledged',
        ),
      ).toBe(true);

      const open = await diffConsumers(mesh.server, mesh.dir, contract);
      expect(open.code).toBe(0);
      expect(open.stdout).toContain(
        `component:default/segments (input-port; owners group:default/product): acknowledged by ${OTHER}`,
      );

      // A person answers as themselves; a service names the person it answers for.
      const again = `/products/default/orders/versions/${version.id}/acknowledgements`;
      expect(
        (await post(again, other(), { ...ack, onBehalfOf: OWNER })).status,
      ).toBe(400);
      const relayed = await post(again, mockCredentials.service.header(), {
        ...ack,
        onBehalfOf: 'user:default/Pat',
      });
      expect(relayed.status).toBe(201);
      expect(relayed.body.gate.consumers[0].acknowledgement.by).toBe(
        'user:default/pat',
      );

      const impact = await post('/products/default/orders/impact', owner(), {
        contract,
      });
      expect(impact.body.gate.state).toBe('open');
      expect(gatePolicy(impact.body)).toMatchObject({ outcome: 'pass' });
      expect(impact.body.version.id).toBe(version.id);
    });
  },
);
