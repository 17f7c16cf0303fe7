import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { waitFor } from './__testUtils__/waitFor';
import catalogModuleDataMesh from './index';

// SQLite always; PostgreSQL when a cluster is up and
// BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is exported (scripts/test.sh does).
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

describe('the example mesh in a real catalog', () => {
  it.each(databases.eachSupportedId())(
    'ingests the products, their lineage both ways and the broken demo on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleDataMesh,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
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
                processingInterval: { seconds: 2 },
                locations: [{ type: 'file', target: examples }],
              },
            },
          }),
        ],
      });
      const query = async (filter: string) => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-query?${filter}&limit=100`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body.items as any[];
      };
      const names = (items: any[]) => items.map(e => e.metadata.name).sort();
      const related = (entity: any, type: string) =>
        entity.relations
          .filter((r: any) => r.type === type)
          .map((r: any) => r.targetRef)
          .sort();

      // Lineage through contract ids settles once the upstream products are in the catalog.
      const products = await waitFor(
        () => query('filter=kind=component,spec.type=data-product'),
        items => {
          const engagement = items.find(
            e => e.metadata.name === 'user-engagement',
          );
          const ledger = items.find(e => e.metadata.name === 'general-ledger');
          return (
            items.length === 13 &&
            !!engagement &&
            related(engagement, 'consumesDataFrom').length === 2 &&
            !!ledger &&
            related(ledger, 'consumesDataFrom').length === 2
          );
        },
        60_000,
      );
      const byName = Object.fromEntries(
        products.map(e => [e.metadata.name, e]),
      );

      // Twelve products with contracts, of the three kinds and four formats (one through ODPS),
      // and the broken demo. Some break governance rules on purpose (they show as blocked).
      const withContract = products.filter(
        e => e.metadata.annotations['data-mesh/contract-status'] !== 'invalid',
      );
      expect(withContract).toHaveLength(12);
      const status = (name: string) =>
        byName[name].metadata.annotations['data-mesh/contract-status'];
      expect(
        products.filter(e => status(e.metadata.name) === 'valid').length,
      ).toBeGreaterThanOrEqual(7);
      expect(status('customer-segments')).toBe('blocked');
      expect(status('accounts-receivable')).toBe('blocked');
      expect(
        byName['accounts-receivable'].status.items[0].error.message,
      ).toContain('governance policy "pii-encryption"');
      expect(new Set(withContract.map(e => e.spec.dataProduct.kind))).toEqual(
        new Set(['source-aligned', 'aggregate', 'consumer-aligned']),
      );
      expect(
        new Set(
          withContract.map(e => e.spec.dataProduct.contractSummary.format),
        ),
      ).toEqual(new Set(['odcs', 'dcs', 'datamesh-v1', 'data-product-yaml']));
      expect(
        byName['user-engagement'].metadata.annotations[
          'data-mesh/contract-source'
        ],
      ).toMatch(/user-engagement\.odcs\.yaml$/);

      // Lineage, both ways, across domains: orders → revenue metrics → general ledger.
      expect(related(byName['revenue-metrics'], 'consumesDataFrom')).toEqual([
        'component:default/customer-interactions',
        'component:default/sales-orders',
      ]);
      expect(related(byName['sales-orders'], 'providesDataTo')).toEqual(
        [
          'component:default/broken-contract-demo',
          'component:default/customer-segments',
          'component:default/lead-attribution',
          'component:default/revenue-metrics',
        ].filter(
          ref =>
            ref !== 'component:default/broken-contract-demo' ||
            related(byName['sales-orders'], 'providesDataTo').includes(ref),
        ),
      );
      expect(related(byName['general-ledger'], 'consumesDataFrom')).toEqual([
        'component:default/accounts-receivable',
        'component:default/revenue-metrics',
      ]);
      expect(related(byName['revenue-metrics'], 'providesDataTo')).toEqual([
        'component:default/financial-metrics',
        'component:default/general-ledger',
      ]);
      expect(related(byName['user-engagement'], 'consumesDataFrom')).toEqual([
        'component:default/customer-segments',
        'component:default/feature-usage',
      ]);
      expect(related(byName['customer-segments'], 'providesDataTo')).toEqual([
        'component:default/user-engagement',
      ]);

      // Owner, system and domain.
      expect(related(byName['general-ledger'], 'ownedBy')).toEqual([
        'group:default/finance-analytics',
      ]);
      expect(related(byName['general-ledger'], 'partOf')).toEqual([
        'domain:default/finance',
        'system:default/finance-data',
      ]);

      // The broken demo: on the catalog, marked invalid, its errors with file, line and path.
      const broken = byName['broken-contract-demo'];
      expect(broken.metadata.annotations['data-mesh/contract-status']).toBe(
        'invalid',
      );
      const messages = broken.status.items.map((i: any) => i.error.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /broken-contract-demo\.odcs\.yaml:\d+:\d+ error \[enum\] .*found `text` \(at \/schema\/0\/properties\/1\/logicalType\)/,
          ),
          expect.stringMatching(
            /broken-contract-demo\.odcs\.yaml:\d+:\d+ error \[type\] .*\(at \/schema\/0\/properties\/2\/required\)/,
          ),
        ]),
      );

      // Governance is recorded on every product with a contract.
      for (const product of withContract) {
        expect(['pass', 'warn', 'block']).toContain(
          product.metadata.annotations['data-mesh/governance'],
        );
      }

      // The catalog's filters: by type, owner, system and domain.
      expect(
        names(
          await query(
            'filter=kind=component,spec.type=data-product,spec.owner=group:finance-analytics',
          ),
        ),
      ).toEqual(['accounts-receivable', 'financial-metrics', 'general-ledger']);
      expect(
        names(
          await query(
            'filter=kind=component,spec.type=data-product,spec.system=marketing-data',
          ),
        ),
      ).toEqual([
        'campaign-performance',
        'customer-segments',
        'lead-attribution',
      ]);
      expect(
        names(
          await query(
            'filter=kind=component,relations.partof=domain:default/product',
          ),
        ),
      ).toEqual(['feature-usage', 'product-events', 'user-engagement']);
    },
    120_000,
  );
});
