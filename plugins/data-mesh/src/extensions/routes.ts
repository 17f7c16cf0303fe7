import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Data Products page. */
export const dataProductsRouteRef = createRouteRef();

/** The user's own access requests and grants. */
export const myDataAccessRouteRef = createRouteRef();
