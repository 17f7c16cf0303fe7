/**
 * The backend with no SLO engine installed (neither DuckDB nor PostgreSQL): it says so once,
 * and everything but measuring on the data works.
 */
import fs from 'node:fs';
import {
  type RootLoggerService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { OWNER, startMesh } from './__testUtils__/testMesh';
import { PUSH_ONLY_MESSAGE } from './evaluation/announceEngines';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/** Every line the backend logs, as `<level> <plugin>: <message>`. */
function recordingLogger(lines: string[]) {
  const logger = (plugin: string): RootLoggerService => ({
    error: message => lines.push(`error ${plugin}: ${message}`),
    warn: message => lines.push(`warn ${plugin}: ${message}`),
    info: message => lines.push(`info ${plugin}: ${message}`),
    debug: () => {},
    child: meta => logger(String(meta.plugin ?? plugin)),
  });
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger('root'),
  });
}

describe.each(databases.eachSupportedId())(
  'the data-mesh backend without an SLO engine on %p',
  databaseId => {
    const lines: string[] = [];
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    const owner = () => mockCredentials.user.header(OWNER);

    beforeAll(async () => {
      mesh = await startMesh(
        await databases.init(databaseId),
        undefined,
        {},
        undefined,
        [recordingLogger(lines)],
        {},
        [],
      );
    }, 60_000);

    afterAll(() => fs.rmSync(mesh.dir, { recursive: true, force: true }));

    it('says in one line that SLOs are push-only', () => {
      const said = lines.filter(l => /push-only|SLO engine/.test(l));
      expect(said).toEqual([`info data-mesh: ${PUSH_ONLY_MESSAGE}`]);
    });

    it('takes pushed results and shows them on the SLO dashboard', async () => {
      await request(mesh.server)
        .post('/api/data-mesh/results')
        .set('Authorization', mockCredentials.service.header())
        .send({
          runId: 'push-only-1',
          entityRef: 'component:default/orders',
          observations: [{ sloId: 'enough-rows', status: 'fail', value: 2 }],
        })
        .expect(200);
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/slo')
        .set('Authorization', owner())
        .expect(200);
      expect(slo.body.slos).toContainEqual(
        expect.objectContaining({
          id: 'quality:enough-rows',
          status: 'fail',
          lastValue: 2,
        }),
      );
      const list = await request(mesh.server)
        .get('/api/data-mesh/products')
        .set('Authorization', owner())
        .expect(200);
      expect(
        list.body.items.find((p: any) => p.name === 'orders').sloHealth,
      ).toBe('breached');
    });

    it('shows the servers as not evaluated, and evaluates nothing when asked', async () => {
      const details = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders')
        .set('Authorization', owner())
        .expect(200);
      expect(details.body.servers.map((s: any) => s.evaluated)).toEqual([
        false,
        false,
      ]);
      const evaluated = await request(mesh.server)
        .post('/api/data-mesh/slo/evaluate?entity=component:default/orders')
        .set('Authorization', owner())
        .expect(200);
      expect(evaluated.body).toMatchObject({ products: 1, evaluated: 0 });
    });

    it('draws the lineage and evaluates governance', async () => {
      const lineage = await request(mesh.server)
        .get('/api/data-mesh/lineage?entity=revenue&depth=1')
        .set('Authorization', owner())
        .expect(200);
      expect(lineage.body.nodes.map((n: any) => n.entityRef).sort()).toEqual([
        'component:default/orders',
        'component:default/revenue',
      ]);
      const governance = await request(mesh.server)
        .get('/api/data-mesh/products/default/orders/governance')
        .set('Authorization', owner())
        .expect(200);
      expect(governance.body.health).toBeDefined();
    });
  },
);
