import {
  type GovernanceHealth,
  productRef,
  verdictForViewer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type Router from 'express-promise-router';
import { InputError, NotFoundError } from '@backstage/errors';
import type {
  LineageDirection,
  LineageResponse,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ProductSight } from '../access/ProductAccessGate';
import type { RouterContext } from './context';
import { groupStates } from '../products/productHealth';

/** The deepest traversal a request may ask for; deeper asks are the full closure anyway. */
export const MAX_LINEAGE_DEPTH = 1000;

/**
 * The lineage as the caller may see it: a product they may not discover keeps its place in
 * the graph as `hidden:<n>` (no name, owner, domain, health or columns); a product they may
 * discover but not read shows no SLO health.
 */
export function lineageAsSeen(
  response: LineageResponse,
  sights: Map<string, ProductSight>,
): LineageResponse {
  const hidden = new Map<string, string>();
  const seen = (ref: string) => sights.get(ref);
  const nodes = response.nodes.map(node => {
    const sight = seen(node.entityRef);
    if (!sight || node.external) return node;
    if (!sight.discover) {
      const id = `hidden:${hidden.size + 1}`;
      hidden.set(node.entityRef, id);
      return {
        entityRef: id,
        hidden: true,
        sloHealth: 'unknown' as const,
        depth: node.depth,
      };
    }
    return sight.read
      ? node
      : { ...node, sloHealth: 'unknown' as const, restricted: true };
  });
  const edges = response.edges.map(edge => {
    const from = hidden.get(edge.from);
    const to = hidden.get(edge.to);
    if (!from && !to) return edge;
    const { columns: _columns, ...rest } = edge;
    return { ...rest, from: from ?? edge.from, to: to ?? edge.to };
  });
  return { ...response, nodes, edges };
}

export function lineageRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.get('/lineage', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const { entity, depth = '1', direction = 'both', columns } = req.query;
    if (typeof entity !== 'string' || !entity) {
      throw new InputError(
        'entity is required: the entity ref of a data product, e.g. component:default/orders',
      );
    }
    let root: string;
    if (entity.startsWith('dataset:')) root = entity;
    else {
      try {
        root = productRef(entity);
      } catch (error) {
        throw new InputError(
          `entity "${entity}" is not an entity ref: ${
            (error as Error).message
          }`,
        );
      }
    }
    const hops = Number(depth);
    if (!Number.isInteger(hops) || hops < 1 || hops > MAX_LINEAGE_DEPTH) {
      throw new InputError(
        `depth must be a whole number from 1 to ${MAX_LINEAGE_DEPTH} (found ${JSON.stringify(
          depth,
        )})`,
      );
    }
    if (direction !== 'up' && direction !== 'down' && direction !== 'both') {
      throw new InputError(
        `direction must be up, down or both (found ${JSON.stringify(
          direction,
        )})`,
      );
    }
    if (columns !== undefined && columns !== 'true' && columns !== 'false') {
      throw new InputError(
        `columns must be true or false (found ${JSON.stringify(columns)})`,
      );
    }
    const response = await ctx.lineage.query(root, {
      direction: direction as LineageDirection,
      depth: hops,
      columns: columns === 'true',
    });
    const products = await ctx.products.listProducts();
    const inGraph = new Set(response.nodes.map(n => n.entityRef));
    const sights = await ctx.gate.sight(
      credentials,
      products.filter(p => inGraph.has(p.entityRef)),
    );
    if (!root.startsWith('dataset:') && !sights.get(root)?.discover) {
      throw new NotFoundError(`no data product ${root}`);
    }
    // Each product's one governance verdict, as far as the caller may see it.
    const shown = products.filter(
      p => inGraph.has(p.entityRef) && sights.get(p.entityRef)?.discover,
    );
    const states = groupStates(
      await ctx.observations.statesOf(shown.map(p => p.entityRef)),
    );
    const verdicts = new Map<string, GovernanceHealth>();
    for (const product of shown) {
      const verdict = ctx.verdicts.verdictOf(
        product,
        states.get(product.entityRef) ?? [],
      );
      if (verdict)
        verdicts.set(
          product.entityRef,
          verdictForViewer(verdict, sights.get(product.entityRef)!).health,
        );
    }
    for (const node of response.nodes) {
      const verdict = verdicts.get(node.entityRef);
      if (verdict) node.governance = verdict;
    }
    res.json(lineageAsSeen(response, sights));
  });
}
