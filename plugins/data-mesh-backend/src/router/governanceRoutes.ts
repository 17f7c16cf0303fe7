import type Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import {
  productRef,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { RouterContext } from './context';
import { jsonBody } from './createRouter';

export function governanceRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.post('/governance/evaluate', jsonBody(ctx), async (req, res) => {
    await ctx.httpAuth.credentials(req);
    const { entity, contract } = req.body ?? {};
    if (
      typeof entity !== 'object' ||
      entity === null ||
      Array.isArray(entity)
    ) {
      throw new InputError(
        'entity must be the draft catalog entity as an object (catalog-info.yaml read as JSON)',
      );
    }
    if (
      contract !== undefined &&
      typeof contract !== 'string' &&
      (typeof contract !== 'object' || contract === null)
    ) {
      throw new InputError(
        'contract must be the contract text (any accepted format) or the contract as an object',
      );
    }
    const reading =
      contract === undefined
        ? undefined
        : readContract(
            typeof contract === 'string' ? contract : JSON.stringify(contract),
            { fileName: 'draft contract' },
          );
    const name =
      typeof entity.metadata?.name === 'string' && entity.metadata.name
        ? entity.metadata.name
        : 'draft';
    const namespace =
      typeof entity.metadata?.namespace === 'string'
        ? entity.metadata.namespace
        : undefined;
    res.json(
      ctx.verdicts.draft({
        entityRef: productRef({ kind: 'component', namespace, name }),
        entity,
        contract: reading?.contract,
        contractIssues: reading?.issues ?? [],
      }),
    );
  });
}
