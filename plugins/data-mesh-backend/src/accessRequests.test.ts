/**
 * Access requests end to end, with the real catalog and permission framework: a consumer
 * asks to read a restricted product it may only discover, its owner approves with an end,
 * the consumer reads until then and no longer after, and the audit trail keeps all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
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

const INVOICES = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:invoices
name: Invoices
version: 1.0.0
status: active
customProperties:
  - property: access.discovery
    value: public
servers:
  - server: local
    type: local
    path: invoices/invoices.csv
    format: csv
schema:
  - name: invoices
    properties:
      - name: invoice_id
        logicalType: string
        examples: [inv-secret-1]
      - name: iban
        logicalType: string
        classification: restricted
slaProperties:
  - property: freshness
    value: 1
    unit: d
`;

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

/** The test mesh plus `invoices` (restricted, discoverable by everyone) and `segments` (confidential, approving the product group by itself). */
function requestMesh(): string {
  const dir = writeMesh();
  fs.writeFileSync(path.join(dir, 'invoices.odcs.yaml'), INVOICES);
  fs.writeFileSync(path.join(dir, 'segments.odcs.yaml'), SEGMENTS);
  fs.mkdirSync(path.join(dir, 'invoices'));
  fs.writeFileSync(
    path.join(dir, 'invoices', 'invoices.csv'),
    'invoice_id,iban\ni-1,DE00\n',
  );
  const segments = product('segments', {
    owner: 'group:default/sales',
    annotations: { 'data-mesh/classification': 'confidential' },
  });
  (segments.spec.dataProduct as any).accessRequests = {
    autoApprove: { groups: ['group:default/product'], days: 7 },
  };
  writeCatalog(dir, [product('invoices', { owner: OWNER }), segments]);
  return dir;
}

describe.each(databases.eachSupportedId())(
  'access requests, on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    let knex: Knex;
    // The test scheduler runs a task when told to; its `factory` installs it in the backend.
    const scheduler = mockServices.scheduler() as ReturnType<
      typeof mockServices.scheduler
    > & { factory(): ReturnType<typeof mockServices.scheduler.factory> };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      mesh = await startMesh(
        knex,
        requestMesh(),
        { accessRequests: { refreshMs: 200 } },
        undefined,
        [scheduler.factory()],
      );
    }, 60_000);

    afterAll(async () => {
      await mesh.stop();
      fs.rmSync(mesh.dir, { recursive: true, force: true });
    });

    const api = (route: string) => `/api/data-mesh${route}`;
    const get = (route: string, who: string) =>
      request(mesh.server).get(api(route)).set('Authorization', who);
    const post = (route: string, who: string, body: object) =>
      request(mesh.server)
        .post(api(route))
        .set('Authorization', who)
        .send(body);

    it('lets a consumer ask for a restricted product it discovers, lets its owner approve with an end, and ends the access then', async () => {
      expect(
        (await get('/products/default/invoices/slo', other())).status,
      ).toBe(403);
      const contract = await get(
        '/products/default/invoices/contract',
        other(),
      );
      expect(contract.body.redacted).toBe(true);

      const asked = await post('/access-requests', other(), {
        entityRef: 'component:default/invoices',
        purpose: 'Reconcile the quarter',
      });
      expect(asked.status).toBe(201);
      expect(asked.body.request).toMatchObject({
        state: 'pending',
        requester: OTHER,
        principal: OTHER,
      });
      const id = asked.body.request.id;
      // The owner is told, once.
      expect(
        mesh.notifications.filter(
          n =>
            n.recipients.type === 'entity' &&
            n.recipients.entityRef === OWNER &&
            n.payload.metadata?.requestId === id,
        ),
      ).toHaveLength(1);
      // Asking twice is a conflict, not a second request.
      expect(
        (
          await post('/access-requests', other(), {
            entityRef: 'component:default/invoices',
            purpose: 'again',
          })
        ).status,
      ).toBe(409);

      // The owner sees it; the requester sees their own.
      const pending = await get(
        '/access-requests?entity=component:default/invoices&state=pending',
        owner(),
      );
      expect(pending.body.items.map((r: any) => r.id)).toEqual([id]);
      const mine = await get('/access-requests', other());
      expect(mine.body.items[0]).toMatchObject({ id, title: 'Invoices' });

      // Only the owner decides.
      // Long enough for the reads below on a busy machine; the test waits for it to pass.
      const end = new Date(Date.now() + 12_000).toISOString();
      expect(
        (
          await post(`/access-requests/${id}/decision`, other(), {
            decision: 'approve',
            expiresAt: end,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await post(`/access-requests/${id}/decision`, owner(), {
            decision: 'approve',
          })
        ).body.issues[0].path,
      ).toBe('/expiresAt');
      const approved = await post(`/access-requests/${id}/decision`, owner(), {
        decision: 'approve',
        expiresAt: end,
        note: 'For Q2 only',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.request).toMatchObject({
        state: 'approved',
        decidedBy: OWNER,
        grant: { state: 'active', principal: OTHER, expiresAt: end },
      });
      expect(
        (
          await post(`/access-requests/${id}/decision`, owner(), {
            decision: 'refuse',
            note: 'changed my mind',
          })
        ).status,
      ).toBe(409);
      expect(
        mesh.notifications.some(
          n =>
            n.recipients.type === 'entity' &&
            n.recipients.entityRef === OTHER &&
            n.payload.metadata?.event === 'approved',
        ),
      ).toBe(true);

      // The grant passes the read check: data, contract and the explorer's list.
      expect(
        (await get('/products/default/invoices/slo', other())).status,
      ).toBe(200);
      const whole = await get('/products/default/invoices/contract', other());
      expect(whole.body.redacted).toBeUndefined();
      expect(whole.body.source).toContain('inv-secret-1');
      const restricted = await get('/products?health=restricted', other());
      expect(restricted.body.items.map((p: any) => p.name)).not.toContain(
        'invoices',
      );
      const access = await get('/products/default/invoices/access', other());
      expect(access.body).toMatchObject({ read: true, decide: false });
      expect(access.body.grant.expiresAt).toBe(end);

      // After its end it no longer does, at once, and the expiry is recorded by the task.
      while (Date.now() <= Date.parse(end)) {
        await new Promise(r => setTimeout(r, 100));
      }
      expect(
        (await get('/products/default/invoices/slo', other())).status,
      ).toBe(403);
      expect(
        (await get('/products?health=restricted', other())).body.items.map(
          (p: any) => p.name,
        ),
      ).toContain('invoices');
      // The replica that runs the expiry task records it.
      await scheduler.triggerTask('data-mesh-access-expiry');
      const audit: any[] = (
        await get('/access-audit?entity=component:default/invoices', owner())
      ).body.items;
      expect(audit.map(e => [e.action, e.actor])).toEqual([
        ['expired', 'system'],
        ['approved', OWNER],
        ['requested', OTHER],
      ]);
      expect(audit[2].detail).toBe('Reconcile the quarter');
      expect(audit[1].detail).toContain('For Q2 only');
      expect(
        mesh.notifications.some(
          n =>
            n.recipients.type === 'entity' &&
            n.recipients.entityRef === OTHER &&
            n.payload.metadata?.event === 'expired',
        ),
      ).toBe(true);
      // Only owners read the audit trail.
      expect(
        (await get('/access-audit?entity=component:default/invoices', other()))
          .status,
      ).toBe(403);
    }, 60_000);

    it('answers 404 for a product the caller may not discover, and says which field a request lacks', async () => {
      const hidden = await post('/access-requests', other(), {
        entityRef: 'component:default/revenue',
        purpose: 'Curious',
      });
      expect(hidden.status).toBe(404);
      expect(
        (
          await post('/access-requests', other(), {
            entityRef: 'component:default/invoices',
          })
        ).body.issues[0].path,
      ).toBe('/purpose');
    });

    it('approves by the product’s own rule, and lets the owner revoke', async () => {
      const asked = await post('/access-requests', other(), {
        entityRef: 'component:default/segments',
        purpose: 'Campaign audiences',
      });
      expect(asked.status).toBe(201);
      expect(asked.body.request).toMatchObject({
        state: 'approved',
        decidedBy: 'auto',
        grant: { state: 'active', grantedBy: 'auto' },
      });
      const grant = asked.body.request.grant;
      expect(Date.parse(grant.expiresAt) - Date.parse(grant.createdAt)).toBe(
        7 * 86_400_000,
      );
      expect(
        (await get('/products/default/segments/slo', other())).status,
      ).toBe(200);

      const revoke = (who: string) =>
        request(mesh.server)
          .delete(api(`/grants/${grant.id}`))
          .set('Authorization', who);
      expect((await revoke(other())).status).toBe(403);
      const revoked = await revoke(owner());
      expect(revoked.status).toBe(200);
      expect(revoked.body.grant).toMatchObject({
        state: 'revoked',
        endedBy: OWNER,
      });
      expect((await revoke(owner())).status).toBe(409);
      expect(
        (await get('/products/default/segments/slo', other())).status,
      ).toBe(403);
      const grants = await get(
        '/grants?entity=component:default/segments',
        owner(),
      );
      expect(grants.body.items.map((g: any) => g.state)).toEqual(['revoked']);
    });
  },
);
