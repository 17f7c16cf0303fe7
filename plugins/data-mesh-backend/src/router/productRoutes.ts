import type Router from 'express-promise-router';
import type {
  DataProductContractResponse,
  DataProductListResponse,
  QualityCheckResult,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { productFor } from './access';
import type { RouterContext } from './context';
import { groupStates, toDetails, toSummary } from './summaries';

export function productRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.get('/products', async (req, res) => {
    await ctx.httpAuth.credentials(req);
    const [products, states] = await Promise.all([
      ctx.products.listProducts(),
      ctx.observations.states(),
    ]);
    const byProduct = groupStates(states);
    const body: DataProductListResponse = {
      items: products.map(p => toSummary(p, byProduct.get(p.entityRef) ?? [])),
    };
    res.json(body);
  });

  router.get('/products/:namespace/:name', async (req, res) => {
    const { product } = await productFor(ctx, req, { data: false });
    res.json(
      toDetails(
        product,
        await ctx.observations.states(product.entityRef),
        ctx.servers,
      ),
    );
  });

  router.get('/products/:namespace/:name/contract', async (req, res) => {
    const { product } = await productFor(ctx, req, { data: true });
    const body: DataProductContractResponse = {
      format: product.format,
      contract: product.contract,
      source: product.source ?? '',
      location: product.location,
      issues: product.issues,
    };
    res.json(body);
  });

  router.get('/products/:namespace/:name/governance', async (req, res) => {
    const { product } = await productFor(ctx, req, { data: false });
    const states = await ctx.observations.states(product.entityRef);
    const checks: QualityCheckResult[] = states
      .filter(s => s.status === 'pass' || s.status === 'fail')
      .map(s => ({ name: s.sloId, passed: s.status === 'pass' }));
    res.json(
      ctx.governance.evaluate({
        entityRef: product.entityRef,
        entity: product.entity,
        contract: product.contract,
        contractIssues: product.issues,
        checks,
      }),
    );
  });
}
