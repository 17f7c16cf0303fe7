/**
 * What the backend observes beyond the contract's SLOs, through the API: schema drift,
 * volume, null rates and the owners' metrics, and the alerts the product file declares.
 */
import fs from 'node:fs';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startMesh, writeOrders } from './__testUtils__/testMesh';

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

    beforeAll(async () => {
      mesh = await startMesh(await databases.init(databaseId));
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
  },
);
