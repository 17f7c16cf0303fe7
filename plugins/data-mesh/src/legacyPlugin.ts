import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataMeshClient, dataMeshApiRef } from './api';

/** The Data Products page, where the app mounts it. */
export const legacyDataProductsRouteRef = createRouteRef({ id: 'data-mesh' });

/**
 * The data-mesh plugin for apps on the legacy frontend system; it provides the
 * `DataMeshClient` (of `@backstage-data-mesh/plugin-data-mesh-client`) under `dataMeshApiRef`.
 * @public
 */
export const dataMeshPlugin = createPlugin({
  id: 'data-mesh',
  apis: [
    createApiFactory({
      api: dataMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataMeshClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: legacyDataProductsRouteRef },
});

/**
 * The Data Products page: `<Route path="/data-products" element={<DataProductsPage />} />`.
 * @public
 */
export const DataProductsPage: () => JSX.Element = dataMeshPlugin.provide(
  createRoutableExtension({
    name: 'DataProductsPage',
    component: () =>
      import('./components/DataProductsPage').then(m => m.DataProductsPage),
    mountPoint: legacyDataProductsRouteRef,
  }),
);

/**
 * The Contract tab of a data product, for `EntityLayout.Route`.
 * @public
 */
export const EntityDataProductContractContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductContractContent',
      component: {
        lazy: () =>
          import('./components/ContractContent').then(m => m.ContractContent),
      },
    }),
  );

/**
 * The SLOs tab of a data product, for `EntityLayout.Route`.
 * @public
 */
export const EntityDataProductSlosContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductSlosContent',
      component: {
        lazy: () => import('./components/SloContent').then(m => m.SloContent),
      },
    }),
  );

/**
 * The Lineage tab of a data product, for `EntityLayout.Route`.
 * @public
 */
export const EntityDataProductLineageContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductLineageContent',
      component: {
        lazy: () =>
          import('./components/LineageGraph').then(m => m.LineageContent),
      },
    }),
  );

/**
 * The Governance tab of a data product, for `EntityLayout.Route`.
 * @public
 */
export const EntityDataProductGovernanceContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductGovernanceContent',
      component: {
        lazy: () =>
          import('./components/GovernanceContent').then(
            m => m.GovernanceContent,
          ),
      },
    }),
  );

/**
 * The Access tab of a data product, for `EntityLayout.Route`: one's own access and, for its
 * owners, the pending requests, grants and audit trail.
 * @public
 */
export const EntityDataProductAccessContent: () => JSX.Element =
  dataMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityDataProductAccessContent',
      component: {
        lazy: () =>
          import('./components/AccessContent').then(m => m.AccessContent),
      },
    }),
  );

/**
 * The user's access requests and grants on every product, for a route of the app.
 * @public
 */
export const MyDataAccessPage: () => JSX.Element = dataMeshPlugin.provide(
  createComponentExtension({
    name: 'MyDataAccessPage',
    component: {
      lazy: () =>
        import('./components/AccessContent').then(m => m.MyAccessRequests),
    },
  }),
);

/**
 * The data product card for the entity overview.
 * @public
 */
export const EntityDataProductCard: () => JSX.Element = dataMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityDataProductCard',
    component: {
      lazy: () =>
        import('./components/DataProductCard').then(m => m.DataProductCard),
    },
  }),
);
