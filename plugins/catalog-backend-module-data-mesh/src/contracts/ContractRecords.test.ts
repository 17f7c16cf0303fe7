import { TestDatabases } from '@backstage/backend-test-utils';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-client';
import { DatabaseContractRecords } from './ContractRecords';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

function record(name: string, version: string): RecordedProductContract {
  return {
    entityRef: `component:default/${name}`,
    contractHash: `hash-${name}-${version}`,
    format: 'odcs',
    location: './contract.odcs.yaml',
    source: `version: ${version}\n`,
    issues: [],
    readAt: 1,
  };
}

async function open(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const records = await DatabaseContractRecords.create({
    getClient: async () => knex,
  });
  return { knex, records };
}

describe.each(databases.eachSupportedId())(
  'DatabaseContractRecords on %s',
  databaseId => {
    it('writes saves made together in few statements, the last save of a product winning', async () => {
      const { knex, records } = await open(databaseId);
      const statements: string[] = [];
      knex.on('query', (query: { sql: string }) => {
        if (/^insert/i.test(query.sql)) statements.push(query.sql);
      });
      const saves = Array.from({ length: 250 }, (_, i) =>
        records.save(record(`product-${i % 200}`, i < 200 ? '1.0.0' : '2.0.0')),
      );
      await Promise.all(saves);
      expect(statements.length).toBeLessThanOrEqual(3);
      const loaded = await records.load(
        Array.from({ length: 200 }, (_, i) => `component:default/product-${i}`),
      );
      expect(loaded).toHaveLength(200);
      const byRef = new Map(loaded.map(r => [r.entityRef, r]));
      expect(byRef.get('component:default/product-7')?.source).toBe(
        'version: 2.0.0\n',
      );
      expect(byRef.get('component:default/product-70')?.source).toBe(
        'version: 1.0.0\n',
      );
      await knex.destroy();
    });

    it('rejects the saves of a batch the database refused, and writes the next ones', async () => {
      const { knex, records } = await open(databaseId);
      // A record without a format breaks the table's NOT NULL: the database refuses its batch.
      const broken = { ...record('lost', '1.0.0'), format: null as any };
      // The driver's error is read by its text: on SQLite it may come from another test
      // file's realm, which `toThrow` does not recognise as an Error.
      const refused = await records.save(broken).then(
        () => 'saved',
        (error: unknown) => String(error),
      );
      expect(refused).toMatch(/not[- ]null/i);
      expect(await records.load(['component:default/lost'])).toEqual([]);
      await records.save(record('after', '1.0.0'));
      expect(await records.load(['component:default/after'])).toHaveLength(1);
      await knex.destroy();
    });
  },
);
