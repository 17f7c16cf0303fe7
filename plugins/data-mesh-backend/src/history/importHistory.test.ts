import path from 'node:path';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type { DataMeshHistorySource } from '@backstage-data-mesh/plugin-data-mesh-node';
import { ObservationStore } from '../database/ObservationStore';
import type { DataProduct } from '../products/DataProduct';
import { importHistory } from './importHistory';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 1, 12);
const ref = 'component:default/orders';
const product = {
  entityRef: ref,
  slos: [{ id: 'sla:freshness' }],
} as unknown as DataProduct;
const products = {
  listProducts: async () => [product],
  getProduct: async () => product,
};

describe.each(databases.eachSupportedId())(
  'importing history on %p',
  databaseId => {
    it('stores what a source gives once per product, as history only', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: path.resolve(__dirname, '../../migrations'),
      });
      const store = new ObservationStore(knex);
      const asked: string[] = [];
      const source: DataMeshHistorySource = {
        id: 'archive',
        historyOf: ({ entityRef, slos }, { now }) => {
          asked.push(entityRef);
          return [2, 1].map(hours => ({
            sloId: slos[0].id,
            status: 'fail' as const,
            value: hours,
            observedAt: now - hours * HOUR,
          }));
        },
      };
      const options = { logger: mockServices.logger.mock(), now: NOW };
      expect(await importHistory([source], products, store, options)).toBe(2);
      expect(await importHistory([source], products, store, options)).toBe(0);
      expect(asked).toEqual([ref]);
      expect(await store.hasRun(ref, 'history:archive')).toBe(true);
      // it counts in the windows, never in the SLO's current state
      expect(await store.sloCounts(ref, 'sla:freshness', 0)).toEqual({
        pass: 0,
        fail: 2,
        error: 0,
      });
      expect(await store.states(ref)).toEqual([]);
    });
  },
);
