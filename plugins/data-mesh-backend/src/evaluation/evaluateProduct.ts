/**
 * Measures every SLO of one product on its server and turns the numbers into outcomes,
 * within a bounded number of checks and a time budget per product.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type SloDefinition,
  type CountPoint,
  judgeMeasurement,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ObservationInput } from '../database/ObservationStore';
import type { ProductOnServer, ServerRegistry } from './ServerRegistry';
import {
  CheckError,
  type EngineSession,
  type MeasuredValue,
  categoryText,
  duration,
  engineDetail,
  failedMeasurement,
  failureCategory,
  measureDrift,
} from '@backstage-data-mesh/plugin-data-mesh-node';

/** What an evaluation reads of a product: its server's view of it, and its SLOs. */
export type EvaluatedProduct = ProductOnServer & { slos: SloDefinition[] };

/** What one evaluation of one product found. */
export interface ProductEvaluation {
  server?: string;
  startedAt: number;
  finishedAt: number;
  observations: ObservationInput[];
  /** True when the evaluation was aborted: `observations` hold the checks finished before. */
  aborted?: boolean;
}

/** How much one evaluation of one product may do. */
export interface ProductLimits {
  /** SLOs measured per product; the others are `error` observations. Default 100. */
  maxChecksPerProduct: number;
  /** Milliseconds the checks of one product may take together; the rest are skipped. Default 60000. */
  productTimeBudgetMs: number;
}

/** The limits unless `dataMesh.slo` says otherwise. */
export const DEFAULT_PRODUCT_LIMITS: ProductLimits = {
  maxChecksPerProduct: 100,
  productTimeBudgetMs: 60_000,
};

/** Options of {@link evaluateProduct}. */
export interface EvaluateProductOptions extends Partial<ProductLimits> {
  /** Stops the evaluation between checks and interrupts the running query. */
  signal?: AbortSignal;
  /** Where the engines' own error texts go (they are never stored). */
  logger?: LoggerService;
  /** The clock the time budget is kept by; `Date.now` by default. */
  now?: () => number;
  /**
   * The values an SLO kept from `since` on (the row counts of a volume SLO), to judge a
   * count by its change; without it a count has nothing to compare with.
   */
  countsOf?: (sloId: string, since: number) => Promise<CountPoint[]>;
}

/** How far back a volume check reads the counts it compares with: its baseline's weeks. */
const VOLUME_LOOKBACK_MS = 29 * 86_400_000;

/**
 * The counts kept before for each measured row count of a volume SLO, which judge it by
 * its change (see `judgeMeasurement`).
 */
async function keptCounts(
  product: EvaluatedProduct,
  measured: MeasuredValue[],
  at: number,
  countsOf: EvaluateProductOptions['countsOf'],
): Promise<Map<string, CountPoint[]>> {
  const counts = new Map<string, CountPoint[]>();
  if (!countsOf) return counts;
  for (const value of measured) {
    const slo = product.slos.find(s => s.id === value.sloId);
    if (slo?.measure.type !== 'volume' || value.value === undefined) continue;
    if (value.error !== undefined || value.unreachable !== undefined) continue;
    counts.set(slo.id, await countsOf(slo.id, at - VOLUME_LOOKBACK_MS));
  }
  return counts;
}

/**
 * The outcome of one measured value against its SLO's target; a volume SLO's row count is
 * judged against the `counts` kept before.
 */
export function toObservation(
  product: EvaluatedProduct,
  measured: MeasuredValue,
  observedAt: number,
  counts?: readonly CountPoint[],
): ObservationInput | undefined {
  const slo = product.slos.find(s => s.id === measured.sloId);
  if (!slo) return undefined;
  if (measured.unreachable !== undefined) {
    return {
      sloId: slo.id,
      status: 'fail',
      value: 0,
      message: `data could not be read: ${measured.unreachable}`,
      observedAt,
    };
  }
  if (measured.error !== undefined || measured.value === undefined) {
    return {
      sloId: slo.id,
      status: 'error',
      message: measured.error ?? 'no value measured',
      observedAt,
    };
  }
  const judged = judgeMeasurement(
    slo,
    {
      value: measured.value,
      status: measured.status,
      message: measured.message,
    },
    observedAt,
    counts,
  );
  const observation: ObservationInput = {
    sloId: slo.id,
    status: judged.status,
    value: measured.value,
    observedAt,
  };
  if (judged.message) observation.message = judged.message;
  const details = judged.volume ?? measured.details;
  if (details !== undefined) observation.details = details;
  if (judged.alerting !== undefined) observation.alerting = judged.alerting;
  if (judged.since !== undefined) observation.since = judged.since;
  return observation;
}

const skip = (slos: SloDefinition[], error: string): MeasuredValue[] =>
  slos.map(slo => ({ sloId: slo.id, error }));

/** Every check erred because the session could not be opened; availability fails. */
function notOpened(
  slos: SloDefinition[],
  server: string,
  reason: string,
): MeasuredValue[] {
  return slos.map(slo =>
    slo.measure.type === 'reachable'
      ? { sloId: slo.id, unreachable: reason }
      : {
          sloId: slo.id,
          error: `server "${server}" could not be opened: ${reason}`,
        },
  );
}

/**
 * Evaluates the product's measurable SLOs on the first configured server of its contract
 * that serves it. Returns undefined when there is none (`servers.serverFor` says why). A
 * check that fails to run is an `error` observation; a server that cannot be opened errors
 * every check (and fails availability), never the evaluation. At most
 * `maxChecksPerProduct` checks run, within `productTimeBudgetMs`; the others are `error`
 * observations saying so. An aborted `signal` stops between checks and interrupts the
 * running query, whose outcome is then left out.
 */
export async function evaluateProduct(
  product: EvaluatedProduct,
  servers: ServerRegistry,
  options: EvaluateProductOptions = {},
): Promise<ProductEvaluation | undefined> {
  const choice = servers.serverFor(product);
  if (!('evaluated' in choice)) return undefined;
  const evaluated = choice.evaluated;
  const server = evaluated.server.server;
  const { engine } = evaluated.settings;
  const { signal, logger } = options;
  const now = options.now ?? Date.now;
  const maxChecks =
    options.maxChecksPerProduct ?? DEFAULT_PRODUCT_LIMITS.maxChecksPerProduct;
  const budget =
    options.productTimeBudgetMs ?? DEFAULT_PRODUCT_LIMITS.productTimeBudgetMs;
  const log = (sloId: string, detail: string) =>
    logger?.warn(
      `SLO check ${sloId} of ${product.entityRef} on server ${server} failed: ${detail}`,
    );

  const measurable = product.slos.filter(s => s.measure.type !== 'pushed');
  const checks = measurable.slice(0, Math.max(0, maxChecks));
  const measured: MeasuredValue[] = skip(
    measurable.slice(checks.length),
    `not evaluated: the contract declares ${measurable.length} checks, more than the ${maxChecks} evaluated per product`,
  );
  const overBudget = `not evaluated: the product's checks ran past the ${duration(
    budget,
  )} allowed per product`;
  const startedAt = now();
  let aborted = false;

  let session: EngineSession | undefined;
  if (checks.length > 0 && !signal?.aborted) {
    try {
      session = await servers.open(product, evaluated);
    } catch (error) {
      if (!(error instanceof CheckError))
        log('(opening the server)', engineDetail(error));
      const reason =
        error instanceof CheckError
          ? error.message
          : categoryText(failureCategory(engine.categorize, error));
      measured.push(...notOpened(checks, server, reason));
    }
  }
  if (session) {
    const budgetSignal = AbortSignal.timeout(Math.max(1, budget));
    const checkSignal = signal
      ? AbortSignal.any([signal, budgetSignal])
      : budgetSignal;
    try {
      for (let i = 0; i < checks.length; i++) {
        if (signal?.aborted) {
          aborted = true;
          break;
        }
        if (now() - startedAt >= budget || budgetSignal.aborted) {
          measured.push(...skip(checks.slice(i), overBudget));
          break;
        }
        const check = checks[i];
        const value =
          check.measure.type === 'schema'
            ? await measureDrift(
                session,
                product.contract,
                check,
                checkSignal,
              ).catch(error =>
                failedMeasurement(engine.categorize, error, check, {
                  server,
                  timeoutMillis: servers.timeoutMillis,
                }),
              )
            : await session.measure(check, checkSignal);
        if (value.detail) log(value.sloId, value.detail);
        if (value.aborted) {
          if (signal?.aborted) {
            aborted = true;
            break;
          }
          measured.push(...skip(checks.slice(i), overBudget));
          break;
        }
        measured.push(value);
      }
    } finally {
      await session.close();
    }
  } else if (signal?.aborted) {
    aborted = true;
  }
  const finishedAt = now();
  const counts = await keptCounts(
    product,
    measured,
    finishedAt,
    options.countsOf,
  );
  const observations = measured
    .map(m => toObservation(product, m, finishedAt, counts.get(m.sloId)))
    .filter((o): o is ObservationInput => !!o);
  return {
    server,
    startedAt,
    finishedAt,
    observations,
    ...(aborted ? { aborted } : {}),
  };
}
