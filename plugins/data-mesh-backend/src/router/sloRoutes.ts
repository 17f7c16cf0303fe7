import type Router from 'express-promise-router';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  type DriftFinding,
  SCHEMA_DRIFT_SLO,
  type SloDefinition,
  type SloWindow,
  dataMeshSloEvaluatePermission,
  outputPortNames,
  parseSloWindow,
  rollUpPorts,
  sloCondition,
  productRef,
  summarizeWindow,
  windowMillis,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  SchemaDriftResponse,
  SloHistoryResponse,
  SloResponse,
  SloView,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EvaluationLimiter } from '../access/EvaluationLimiter';
import { productByRef, productFor, requireProductPermission } from './access';
import type { RouterContext } from './context';
import type { DataProduct } from '../products/DataProduct';
import { healthViewOf } from '../products/productHealth';
import type { StoredSloState } from '../database/ObservationStore';

/** The SLO's condition (its status with its error budget) and its assessment. */
function withCondition(view: SloView, state: StoredSloState | undefined) {
  const { condition, reason } = sloCondition(state ?? { status: 'unknown' });
  view.condition = condition;
  if (reason && (condition === 'at-risk' || condition === 'breached'))
    view.conditionReason = reason;
  if (state?.assessment) view.assessment = state.assessment;
  return view;
}

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

/** At most this many history points per SLO; older data is bucketed. */
const HISTORY_POINTS = 720;

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
    const state = (await ctx.observations.states(product.entityRef)).find(
      s => s.sloId === SCHEMA_DRIFT_SLO,
    );
    const body: SchemaDriftResponse = {
      status: state?.status ?? 'unknown',
      findings: [],
    };
    if (state?.lastObservedAt) body.observedAt = state.lastObservedAt;
    const details = state?.details as { findings?: unknown } | undefined;
    if (Array.isArray(details?.findings))
      body.findings = details!.findings as DriftFinding[];
    if (state?.status === 'error' && state.lastError)
      body.error = state.lastError;
    res.json(body);
  });

  router.get('/products/:namespace/:name/slo/history', async (req, res) => {
    const window = windowParam(req.query.window, '30d');
    const { product } = await productFor(ctx, req, 'read');
    const span = windowMillis(window);
    const bucket = Math.max(
      60_000,
      Math.ceil(span / HISTORY_POINTS / 60_000) * 60_000,
    );
    const points = await ctx.observations.history(
      product.entityRef,
      Date.now() - span,
      bucket,
    );
    const body: SloHistoryResponse = { window, points };
    res.json(body);
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
 * ports, each port's roll-up; and checks pushed for SLOs its contract does not declare.
 */
export async function sloStatus(
  ctx: Pick<RouterContext, 'observations' | 'servers'>,
  product: DataProduct,
  window: SloWindow,
): Promise<SloResponse> {
  const now = Date.now();
  const [counts, states, lastRun, perPort] = await Promise.all([
    ctx.observations.windowCounts(
      product.entityRef,
      now - windowMillis(window),
    ),
    ctx.observations.states(product.entityRef),
    ctx.observations.lastRunAt(product.entityRef),
    outputPortNames(product.contract).length > 1
      ? ctx.observations.latestPerPort(
          product.entityRef,
          now - windowMillis(window),
        )
      : Promise.resolve([]),
  ]);
  const stateOf = new Map(states.map(s => [s.sloId, s]));
  const choice = ctx.servers.serverFor(product);
  const serverReason = 'reason' in choice ? choice.reason : undefined;
  const slos: SloView[] = product.slos.map(slo => {
    const state = stateOf.get(slo.id);
    const summary = summarizeWindow(
      counts.get(slo.id) ?? { pass: 0, fail: 0, error: 0 },
      slo.target.objective,
    );
    const view: SloView = {
      id: slo.id,
      name: slo.name,
      kind: slo.kind,
      target: slo.target,
      status: state?.status ?? 'unknown',
      attainment: summary.attainment,
      observations: summary.observations,
      errorBudget: summary.errorBudget,
      source: slo.measure.type === 'pushed' ? 'push' : 'scheduler',
    };
    if (slo.alert)
      view.alert = {
        severity: slo.alert.severity,
        ...(slo.alert.text ? { text: slo.alert.text } : {}),
      };
    if (!state) {
      const reason = notMeasuredBecause(slo, serverReason);
      if (reason) view.notMeasuredBecause = reason;
    }
    if (state) {
      view.since = state.since;
      if (state.lastValue !== undefined) view.lastValue = state.lastValue;
      if (state.lastObservedAt) view.lastObservedAt = state.lastObservedAt;
      if (state.lastError) view.lastError = state.lastError;
    }
    return withCondition(view, state);
  });
  // Checks pushed for SLOs the contract does not declare (datacontract-cli's own checks).
  for (const state of states) {
    if (!state.sloId.startsWith('datacontract:')) continue;
    const summary = summarizeWindow(
      counts.get(state.sloId) ?? { pass: 0, fail: 0, error: 0 },
      0.99,
    );
    slos.push(
      withCondition(
        {
          id: state.sloId,
          name: state.sloId.slice('datacontract:'.length),
          kind: 'quality',
          target: {
            text: 'the pushed check passes',
            operator: '=',
            value: 1,
            objective: 0.99,
          },
          status: state.status,
          since: state.since,
          lastObservedAt: state.lastObservedAt,
          lastValue: state.lastValue,
          lastError: state.lastError,
          attainment: summary.attainment,
          observations: summary.observations,
          errorBudget: summary.errorBudget,
          source: 'push',
        },
        state,
      ),
    );
  }
  const body: SloResponse = {
    window,
    health: healthViewOf(product, states),
    slos,
  };
  if (lastRun !== undefined) body.evaluatedAt = new Date(lastRun).toISOString();
  // the owners' metric series are kept, not promised: a port stands by its SLOs
  const ports = rollUpPorts(
    product.contract,
    slos.filter(s => s.kind !== 'metric'),
    perPort,
  );
  if (ports) body.ports = ports;
  return body;
}
