import type Router from 'express-promise-router';
import { productFor } from './access';
import { readListQuery } from './listQuery';
import type { RouterContext } from './context';
import { contractResponse, productPage, toDetails } from './summaries';

export function productRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  /**
   * One page of the products the caller may discover that match the filters, filtered and
   * paged in the database; their data only where they may read it.
   */
  router.get('/products', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    res.json(await productPage(ctx, credentials, readListQuery(req.query)));
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
    res.json(contractResponse(product, sight));
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
