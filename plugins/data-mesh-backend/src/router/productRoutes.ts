import type Router from 'express-promise-router';
import {
  type DataProductContractResponse,
  type DataProductListResponse,
  redactContractData,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { productFor } from './access';
import type { RouterContext } from './context';
import { groupStates } from '../products/productHealth';
import { toDetails, toSummary } from './summaries';

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
      const own = byProduct.get(product.entityRef) ?? [];
      body.items.push(
        toSummary(product, own, sight, ctx.verdicts.verdictOf(product, own)),
      );
    }
    res.json(body);
  });

  router.get('/products/:namespace/:name', async (req, res) => {
    const { product, sight } = await productFor(ctx, req, 'discover');
    const states = await ctx.observations.states(product.entityRef);
    res.json(
      toDetails(
        product,
        states,
        ctx.servers,
        sight,
        ctx.verdicts.verdictOf(product, states),
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
   * The governance report: the product's one verdict, which the list and the card show too.
   * The quality results it weighs are the product's data: a caller who may not read them sees
   * the verdict without the policies that read them (`verdictForViewer`).
   */
  router.get('/products/:namespace/:name/governance', async (req, res) => {
    const { product, sight } = await productFor(ctx, req, 'discover');
    const states = await ctx.observations.states(product.entityRef);
    res.json(ctx.verdicts.report(product, states, sight));
  });
}
