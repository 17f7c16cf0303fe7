import type Router from 'express-promise-router';
import {
  type DataProductContractResponse,
  type DataProductListResponse,
  redactContractData,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { productFor } from './access';
import { readListQuery } from './listQuery';
import type { DataProduct } from '../products/DataProduct';
import type { RouterContext } from './context';
import { groupStates } from '../products/productHealth';
import { toDetails, toSummary } from './summaries';

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
    const query = readListQuery(req.query);
    const products = await ctx.products.listProducts();
    const access = await ctx.gate.listingAccess(credentials, products);
    const teams = ctx.auth.isPrincipal(credentials, 'user')
      ? (await ctx.userInfo.getUserInfo(credentials)).ownershipEntityRefs
      : [];
    const ownedBy = query.mine ? teams : undefined;
    const [page, facets] = await Promise.all([
      ctx.productIndex.list({
        access,
        filters: {
          text: query.q,
          domain: query.domain,
          owner: query.owner,
          ownedBy,
          classification: query.classification,
          productKind: query.kind,
          health: query.health,
          governance: query.governance,
          demos: query.demos,
        },
        sort: query.sort,
        direction: query.direction,
        offset: query.offset,
        limit: query.limit,
      }),
      ctx.productIndex.facets(access),
    ]);
    const counts = await ctx.productIndex.counts(access, teams);
    const found = (
      await Promise.all(
        page.entityRefs.map(ref => ctx.products.getProduct(ref)),
      )
    ).filter((p): p is DataProduct => !!p);
    const [sights, states] = await Promise.all([
      ctx.gate.sight(credentials, found),
      ctx.observations.statesOf(found.map(p => p.entityRef)),
    ]);
    const byProduct = groupStates(states);
    const body: DataProductListResponse = {
      items: found
        .filter(p => sights.get(p.entityRef)?.discover)
        .map(p => {
          const own = byProduct.get(p.entityRef) ?? [];
          return toSummary(
            p,
            own,
            sights.get(p.entityRef)!,
            ctx.verdicts.verdictOf(p, own),
          );
        }),
      total: page.total,
      offset: query.offset,
      limit: query.limit,
      facets,
      counts,
    };
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
