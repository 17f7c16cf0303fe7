import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';

// SQLite always; PostgreSQL when the test command has started a cluster and exported
// BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (scripts/test.sh does).
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

const examples = path.resolve(__dirname, '../../../examples/all.yaml');

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('the portal catalog', () => {
  it.each(databases.eachSupportedId())(
    'ingests the example mesh on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Domain', 'System', 'Group', 'User', 'Location', 'Component'] }],
                locations: [{ type: 'file', target: examples }],
              },
            },
          }),
        ],
      });

      const domains = await waitFor(async () => {
        const res = await request(server)
          .get('/api/catalog/entities/by-query?filter=kind=domain&fields=metadata.name')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        const names = res.body.items.map((e: any) => e.metadata.name).sort();
        return names.length === 4 ? names : undefined;
      }, 30_000);
      expect(domains).toEqual(['finance', 'marketing', 'product', 'sales']);

      // Rows really live in the database under test.
      const rows = await knex('final_entities').count({ n: '*' });
      expect(Number(rows[0].n)).toBeGreaterThanOrEqual(4);
    },
    60_000,
  );
});
