/**
 * `dataMesh.slo` limits: how long one query may run, how many checks of one product are
 * evaluated and how long they may take together.
 */
import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { EvaluationCadence } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { CheckLimits } from '@backstage-data-mesh/plugin-data-mesh-node';
import {
  type EvaluatorSettings,
  defaultEvaluatorSettings,
} from './SloEvaluator';
import { DEFAULT_PRODUCT_LIMITS, type ProductLimits } from './evaluateProduct';

function positive(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && !(Number.isFinite(value) && value > 0))
    throw new Error(`${key} must be a number above 0 (it is ${value})`);
  return value;
}

/** `dataMesh.slo.queryTimeoutMs` (default 10000). */
export function readCheckLimits(config: Config): CheckLimits {
  return {
    timeoutMillis: positive(config, 'dataMesh.slo.queryTimeoutMs') ?? 10_000,
  };
}

/** `dataMesh.slo.maxChecksPerProduct` (100) and `dataMesh.slo.productTimeBudgetMs` (60000). */
export function readProductLimits(config: Config): ProductLimits {
  return {
    maxChecksPerProduct: Math.floor(
      positive(config, 'dataMesh.slo.maxChecksPerProduct') ??
        DEFAULT_PRODUCT_LIMITS.maxChecksPerProduct,
    ),
    productTimeBudgetMs:
      positive(config, 'dataMesh.slo.productTimeBudgetMs') ??
      DEFAULT_PRODUCT_LIMITS.productTimeBudgetMs,
  };
}

function durationMs(config: Config, key: string): number | undefined {
  if (!config.has(key)) return undefined;
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/**
 * `dataMesh.slo.concurrency` (products evaluated at once per replica, default 8) and
 * `dataMesh.slo.cadence` (`min`, `max`, `default` durations and `checksPerPeriod`; see
 * `EvaluationCadence` of data-mesh-common).
 */
export function readEvaluatorSettings(
  config: Config,
  limits: ProductLimits,
): Partial<EvaluatorSettings> & Pick<EvaluatorSettings, 'cadence'> {
  const defaults = defaultEvaluatorSettings(limits);
  const cadence = new EvaluationCadence({
    minMillis: durationMs(config, 'dataMesh.slo.cadence.min'),
    maxMillis: durationMs(config, 'dataMesh.slo.cadence.max'),
    defaultMillis: durationMs(config, 'dataMesh.slo.cadence.default'),
    checksPerPeriod: positive(config, 'dataMesh.slo.cadence.checksPerPeriod'),
  });
  if (cadence.minMillis > cadence.maxMillis)
    throw new Error(
      'dataMesh.slo.cadence.min must not be longer than dataMesh.slo.cadence.max',
    );
  return {
    concurrency: Math.floor(
      positive(config, 'dataMesh.slo.concurrency') ?? defaults.concurrency,
    ),
    cadence,
  };
}
