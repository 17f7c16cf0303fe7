import type Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import type { LineageDirection } from '@backstage-data-mesh/plugin-data-mesh-common';
import { normalizeRef } from '../products/CatalogProductSource';
import type { RouterContext } from './context';

/** The deepest traversal a request may ask for; deeper asks are the full closure anyway. */
export const MAX_LINEAGE_DEPTH = 1000;

export function lineageRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.get('/lineage', async (req, res) => {
    await ctx.httpAuth.credentials(req);
    const { entity, depth = '1', direction = 'both', columns } = req.query;
    if (typeof entity !== 'string' || !entity) {
      throw new InputError(
        'entity is required: the entity ref of a data product, e.g. component:default/sales-orders',
      );
    }
    let root: string;
    if (entity.startsWith('dataset:')) root = entity;
    else {
      try {
        root = normalizeRef(entity);
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
    res.json(
      await ctx.lineage.query(root, {
        direction: direction as LineageDirection,
        depth: hops,
        columns: columns === 'true',
      }),
    );
  });
}
