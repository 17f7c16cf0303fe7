import express from 'express';
import Router from 'express-promise-router';
import type { RouterContext } from './context';
import { productRoutes } from './productRoutes';
import { sloRoutes } from './sloRoutes';
import { ingestRoutes } from './ingestRoutes';
import { lineageRoutes } from './lineageRoutes';
import { governanceRoutes } from './governanceRoutes';

/** The data-mesh API (mounted under /api/data-mesh). */
export function createRouter(ctx: RouterContext): express.Router {
  const router = Router();
  router.use(
    express.json({
      limit: '10mb',
      type: ['application/json', 'application/*+json'],
    }),
  );
  productRoutes(router, ctx);
  sloRoutes(router, ctx);
  ingestRoutes(router, ctx);
  lineageRoutes(router, ctx);
  governanceRoutes(router, ctx);
  return router;
}
