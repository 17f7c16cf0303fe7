import type Router from 'express-promise-router';
import {
  type DataProductContractResponse,
  type DataProductListResponse,
  type QualityCheckResult,
  redactContractData,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { productFor } from './access';
import type { RouterContext } from './context';
import { groupStates, toDetails, toSummary } from './summaries';

export function productRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  /** The products the caller may discover; their data only where they may read it. */
  router.get('/products', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const [products, states] = await Promise.all([
      ctx.products.listProducts(),
      ctx.observations.states(),
    ]);
    const sights = await ctx.gate.sight(credentials, products);
    const byProduct = groupStates(states);
    const body: DataProductListResponse = { items: [] };
    for (const product of products) {
      const sight = sights.get(product.entityRef)!;
      if (!sight.discover) continue;
      body.items.push(
        toSummary(product, byProduct.get(product.entityRef) ?? [], sight),
      );
    }
    res.json(body);
  });

  router.get('/products/:namespace/:name', async (req, res) => {
    const { product, sight } = await productFor(ctx, req, 'discover');
    res.json(
      toDetails(
        product,
        await ctx.observations.states(product.entityRef),
        ctx.servers,
        sight,
      ),
    );
  });

  /**
   * The contract: whole for readers; for those who may only discover the product, without
   * what reveals the data (examples, the source text).
   */
  router.get('/products/:namespace/:name/contract', async (req, res) => {
    const { product, sight } = await productFor(ctx, req, 'discover');
    const body: DataProductContractResponse = {
      format: product.format,
      contract:
        product.contract && !sight.read
          ? redactContractData(product.contract)
          : product.contract,
      location: product.location,
      issues: product.issues,
    };
    if (sight.read) body.source = product.contractText ?? '';
    else body.redacted = true;
    res.json(body);
  });

  /**
   * The governance report. The quality results it weighs are the product's data: they are
   * counted for readers only.
   */
  router.get('/products/:namespace/:name/governance', async (req, res) => {
    const { product, sight } = await productFor(ctx, req, 'discover');
    let checks: QualityCheckResult[] | undefined;
    if (sight.read) {
      const states = await ctx.observations.states(product.entityRef);
      checks = states
        .filter(s => s.status === 'pass' || s.status === 'fail')
        .map(s => ({ name: s.sloId, passed: s.status === 'pass' }));
    }
    res.json(
      ctx.governance.evaluate({
        entityRef: product.entityRef,
        entity: product.entity,
        contract: product.contract,
        contractIssues: product.issues,
        checks,
        systemDomain: product.domain,
      }),
    );
  });
}
