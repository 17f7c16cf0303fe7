import type express from 'express';
import Router from 'express-promise-router';
import type { RouterContext } from './context';
import { productRoutes } from './productRoutes';
import { sloRoutes } from './sloRoutes';
import { ingestRoutes } from './ingestRoutes';
import { lineageRoutes } from './lineageRoutes';
import { governanceRoutes } from './governanceRoutes';
import { searchRoutes } from './searchRoutes';
import { accessRoutes } from './accessRoutes';
import { versionRoutes } from './versionRoutes';

/**
 * The data-mesh API (mounted under /api/data-mesh). Bodies are parsed per route, after the
 * caller is authenticated, and never beyond `limits.bodyBytes`.
 */
export function createRouter(ctx: RouterContext): express.Router {
  const router = Router();
  productRoutes(router, ctx);
  sloRoutes(router, ctx);
  ingestRoutes(router, ctx);
  lineageRoutes(router, ctx);
  governanceRoutes(router, ctx);
  searchRoutes(router, ctx);
  accessRoutes(router, ctx);
  versionRoutes(router, ctx);
  return router;
}
