import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Data Products page. */
export const dataProductsRouteRef = createRouteRef();
