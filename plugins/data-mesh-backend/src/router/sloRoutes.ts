import type Router from 'express-promise-router';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ProductSloViews,
  type SloDefinition,
  type SloResponse,
  type SloWindow,
  dataMeshSloEvaluatePermission,
  parseSloWindow,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EvaluationLimiter } from '../access/EvaluationLimiter';
import { productByRef, productFor, requireProductPermission } from './access';
import type { RouterContext } from './context';
import type { DataProduct } from '../products/DataProduct';

function windowParam(value: unknown, fallback: '7d' | '30d') {
  if (value === undefined) return fallback;
  const window = parseSloWindow(value);
  if (!window)
    throw new InputError(
      `window must be 7d or 30d (found ${JSON.stringify(value)})`,
    );
  return window;
}

/**
 * Why an SLO without a status is not measured: its rule is one only a pipeline can check,
 * or the portal measures none of the product's servers (`serverReason`, from the server
 * registry). Undefined when the portal measures it and has just not yet done so.
 */
export function notMeasuredBecause(
  slo: Pick<SloDefinition, 'measure'>,
  serverReason: string | undefined,
): string | undefined {
  if (slo.measure.type === 'pushed') {
    return `the portal cannot measure it (${slo.measure.reason}); it shows the results the product's pipeline pushes`;
  }
  if (serverReason) {
    return `the portal measures none of the product's servers (${serverReason}); push results from the product's pipeline, or configure a server the portal can read`;
  }
  return undefined;
}

export function sloRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.get('/products/:namespace/:name/slo', async (req, res) => {
    const window = windowParam(req.query.window, '7d');
    const { product } = await productFor(ctx, req, 'read');
    res.json(await sloStatus(ctx, product, window));
  });

  /** The last schema drift check: what departed from the contract, for the Contract tab. */
  router.get('/products/:namespace/:name/drift', async (req, res) => {
    const { product } = await productFor(ctx, req, 'read');
    res.json(await new ProductSloViews(ctx.observations, product).drift());
  });

  router.get('/products/:namespace/:name/slo/history', async (req, res) => {
    const window = windowParam(req.query.window, '30d');
    const { product } = await productFor(ctx, req, 'read');
    res.json(
      await new ProductSloViews(ctx.observations, product).history(window),
    );
  });

  /**
   * Evaluates one product now (`?entity=<ref>`), for callers allowed
   * `data-mesh.slo.evaluate` on it, within the caller's evaluation limits; the whole mesh at
   * once only with an unconditional allow (a service).
   */
  router.post('/slo/evaluate', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entity = req.query.entity;
    if (entity === undefined) {
      const [decision] = await ctx.permissions.authorizeConditional(
        [{ permission: dataMeshSloEvaluatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `evaluating every product at once needs ${dataMeshSloEvaluatePermission.name} without conditions; ask for one product with ?entity=<ref>`,
        );
      }
      res.json(await ctx.evaluator.evaluateAll());
      return;
    }
    if (typeof entity !== 'string' || !entity.trim()) {
      throw new InputError(
        'entity must be the entity ref of a data product, e.g. component:default/orders',
      );
    }
    try {
      productRef(entity);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    const { product } = await productByRef(
      ctx,
      credentials,
      entity,
      'discover',
    );
    await requireProductPermission(
      ctx,
      credentials,
      dataMeshSloEvaluatePermission,
      product,
    );
    const outcome = await ctx.evaluations.run(
      EvaluationLimiter.keyOf(credentials),
      () => ctx.evaluator.evaluateProduct(product.entityRef),
    );
    if ('throttled' in outcome) {
      res.setHeader('Retry-After', String(outcome.throttled.retryAfterSeconds));
      res.status(429).json({
        error: {
          name: 'TooManyRequests',
          message: `Not evaluated now: ${outcome.throttled.reason}. Try again in ${outcome.throttled.retryAfterSeconds} s; the schedule evaluates every product anyway.`,
        },
      });
      return;
    }
    res.json(outcome.result);
  });
}

/**
 * The SLOs of a product a caller may read, over `window`: each with its target, status,
 * attainment, error budget and condition, the product's health and, with several output
 * ports, each port's roll-up; and checks pushed for SLOs its contract does not declare
 * (see `ProductSloViews` of data-mesh-common).
 */
export async function sloStatus(
  ctx: Pick<RouterContext, 'observations' | 'servers'>,
  product: DataProduct,
  window: SloWindow,
): Promise<SloResponse> {
  const choice = ctx.servers.serverFor(product);
  const serverReason = 'reason' in choice ? choice.reason : undefined;
  return new ProductSloViews(ctx.observations, product).report(window, {
    notMeasuredBecause: slo => notMeasuredBecause(slo, serverReason),
  });
}
