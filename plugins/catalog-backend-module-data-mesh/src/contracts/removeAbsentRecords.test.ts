import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { DatabaseContractRecords } from './ContractRecords';
import { RECORD_GRACE_MS, removeAbsentRecords } from './removeAbsentRecords';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const NOW = Date.parse('2026-12-01T12:00:00Z');

function product(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'data-product', owner: 'group:default/sales' },
  };
}

describe.each(databases.eachSupportedId())(
  'removeAbsentRecords on %s',
  databaseId => {
    it('removes the records of products the catalog no longer holds, keeping those read within the hour', async () => {
      const knex = await databases.init(databaseId);
      const records = await DatabaseContractRecords.create({
        getClient: async () => knex,
      });
      const save = (name: string, readAt: number) =>
        records.save({
          entityRef: `component:default/${name}`,
          format: 'odcs',
          issues: [],
          readAt,
        });
      const old = NOW - RECORD_GRACE_MS - 1;
      await Promise.all([
        save('Sales-Orders', old), // in the catalog (refs compare without case)
        save('deleted-product', old), // gone from the catalog
        save('just-read', NOW - 60_000), // read a minute ago, not published yet
        ...Array.from({ length: 1200 }, (_, i) => save(`gone-${i}`, old)),
      ]);
      const logger = mockServices.logger.mock();

      const removed = await removeAbsentRecords({
        catalog: catalogServiceMock({ entities: [product('sales-orders')] }),
        auth: mockServices.auth(),
        records,
        logger,
        now: NOW,
      });

      expect(removed).toBe(1201);
      const left = await knex('data_mesh_contracts')
        .orderBy('entity_ref')
        .pluck('entity_ref');
      expect(left).toEqual([
        'component:default/just-read',
        'component:default/sales-orders',
      ]);
      expect(logger.info).toHaveBeenCalledWith(
        'Removed the contract records of 1201 data product(s) no longer in the catalog',
      );
      await knex.destroy();
    });
  },
);
