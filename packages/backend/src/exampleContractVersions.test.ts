import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataMesh from '@backstage-data-mesh/plugin-catalog-backend-module-data-mesh';
import dataMeshPlugin from '@backstage-data-mesh/plugin-data-mesh-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { exampleContractVersionsModule } from './exampleContractVersions';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const examples = path.resolve(__dirname, '../../../examples');
const SAM = 'user:default/sam-sales';
const MIA = 'user:default/mia-marketing';

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('the example contract versions', () => {
  it.each(databases.eachSupportedId())(
    'give sales orders a past, a current and an announced breaking version, with the consumers it hits and one answer, and the lineage policy blocks financial metrics, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleDataMesh,
          dataMeshPlugin,
          notificationsPlugin,
          exampleContractVersionsModule,
          // The data-mesh backend on the database under test; the other plugins on their own.
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            async factory({ plugin }) {
              const client =
                plugin.getId() === 'data-mesh'
                  ? knex
                  : await databases.init('SQLITE_3');
              return { getClient: async () => client };
            },
          }),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
              catalog: {
                rules: [
                  {
                    allow: [
                      'Domain',
                      'System',
                      'Group',
                      'User',
                      'Location',
                      'Component',
                    ],
                  },
                ],
                locations: [
                  { type: 'file', target: path.join(examples, 'all.yaml') },
                ],
              },
              dataMesh: {
                catalog: { refreshMs: 500 },
                slo: {
                  schedule: {
                    frequency: { trigger: 'manual' },
                    timeout: { minutes: 1 },
                  },
                },
                examples: { contractVersions: examples },
                governance: {
                  policies: [path.join(examples, 'policies/global.yaml')],
                  domains: Object.fromEntries(
                    ['sales', 'marketing', 'product', 'finance'].map(d => [
                      d,
                      [path.join(examples, `policies/${d}.yaml`)],
                    ]),
                  ),
                },
              },
            },
          }),
        ],
      });
      let last = '';
      try {
        const versions = await waitFor(async () => {
          const res = await request(backend.server)
            .get('/api/data-mesh/products/default/sales-orders/versions')
            .set('Authorization', mockCredentials.user.header(SAM));
          last = JSON.stringify(res.body).slice(0, 3000);
          const items = res.body?.items ?? [];
          const next = items.find((v: any) => v.version === '2.0.0');
          return next?.gate?.consumers.some((c: any) => c.acknowledgement)
            ? items
            : undefined;
        }, 90_000).catch(error => {
          throw new Error(`${error.message}; the versions were ${last}`);
        });

        expect(
          versions.map((v: any) => [v.version, v.source, !!v.breaking]),
        ).toEqual([
          ['2.0.0', 'announced', true],
          ['1.4.0', 'seen', false],
          ['1.3.0', 'announced', false],
        ]);
        const gate = versions[0].gate;
        expect(gate.state).toBe('waiting');
        // lead attribution declares the fields it reads, and the channel is not one of them
        expect(gate.consumers.map((c: any) => c.ref).sort()).toEqual([
          'component:default/customer-segments',
          'component:default/revenue-metrics',
        ]);
        const revenue = gate.consumers.find(
          (c: any) => c.ref === 'component:default/revenue-metrics',
        );
        expect(revenue.acknowledgement).toMatchObject({
          decision: 'acknowledged',
          by: SAM,
        });
        expect(gate.pending).toBe(1);

        // The owners of the consumer that has not answered see it in their notifications.
        const told = await waitFor(async () => {
          const res = await request(backend.server)
            .get('/api/notifications/notifications')
            .set('Authorization', mockCredentials.user.header(MIA));
          const items = (res.body?.notifications ?? []).filter((n: any) =>
            String(n.payload?.title).includes('2.0.0'),
          );
          return items.length > 0 ? items : undefined;
        }, 30_000);
        expect(told[0].payload.link).toContain(
          '/catalog/default/component/sales-orders/contract?version=',
        );

        // The lineage policy blocks financial metrics on purpose: it reads the restricted
        // general ledger and accounts receivable without being restricted itself.
        const governance = await request(backend.server)
          .get('/api/data-mesh/products/default/financial-metrics/governance')
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/fin-finance'),
          );
        expect(governance.status).toBe(200);
        const lineage = governance.body.results.find(
          (r: any) => r.id === 'restricted-flows-into-restricted',
        );
        expect(lineage).toMatchObject({ outcome: 'block' });
        expect(lineage.message).toBe(
          'The product reads from 2 restricted product(s) upstream (component:default/accounts-receivable, component:default/general-ledger) but is classified confidential.',
        );
        const ledger = await request(backend.server)
          .get('/api/data-mesh/products/default/general-ledger/governance')
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/fin-finance'),
          );
        expect(
          ledger.body.results.find(
            (r: any) => r.id === 'restricted-flows-into-restricted',
          ),
        ).toMatchObject({ outcome: 'pass' });
      } finally {
        await backend.stop();
      }
    },
    180_000,
  );
});
