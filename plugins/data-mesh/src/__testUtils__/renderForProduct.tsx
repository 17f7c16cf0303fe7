import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import { dataMeshApiRef, DataMeshApi } from '../api';
import { salesOrdersEntity } from './fixtures';

/** Renders a view of the data-mesh plugin in a test app, on the page of `entity`. */
export function renderForProduct(
  element: ReactElement,
  api: DataMeshApi,
  entity: Entity = salesOrdersEntity,
  /** The URL the page is opened at, e.g. `/?slo=sla:freshness`. */
  url?: string,
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[dataMeshApiRef, api]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef as any,
      },
      ...(url ? { initialRouteEntries: [url] } : {}),
    },
  );
}
