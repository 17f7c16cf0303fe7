import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import { odcsContract } from '../__testUtils__/fixtures';
import { waitFor } from '../__testUtils__/waitFor';
import catalogModuleDataMesh from '../index';
import searchModuleDataMeshCollator from '../search';

const directory = createMockDirectory({
  content: {
    'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: sales-orders
  annotations:
    data-mesh/contract: ./contract.odcs.yaml
spec:
  type: data-product
  lifecycle: production
  owner: group:sales-analytics
`,
    'contract.odcs.yaml': odcsContract(),
  },
});

describe('searchModuleDataMeshCollator', () => {
  it('lets Backstage Search find a data product by a field name of its contract', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataMesh,
        searchPlugin,
        searchModuleCatalogCollator,
        searchModuleDataMeshCollator,
        // The real scheduler, so the collator runs on its schedule as in the portal.
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: directory.resolve('catalog-info.yaml'),
                },
              ],
            },
            dataMesh: { governance: { enabled: false } },
            search: {
              collators: {
                catalog: {
                  schedule: {
                    frequency: { seconds: 2 },
                    timeout: { seconds: 60 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    const results = await waitFor(
      async () => {
        const res = await request(server)
          .get('/api/search/query?term=customer_email')
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body.results : [];
      },
      found => found.length > 0,
      45_000,
    );
    expect(results[0].document).toMatchObject({
      title: 'sales-orders',
      location: '/catalog/default/component/sales-orders',
    });
    expect(results[0].document.text).toContain(
      'customer_email: Customer e-mail address.',
    );
  }, 60_000);
});
