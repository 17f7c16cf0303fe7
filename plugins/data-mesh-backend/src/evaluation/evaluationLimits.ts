/**
 * `dataMesh.slo` limits: how long one query may run, how many checks of one product are
 * evaluated and how long they may take together.
 */
import type { Config } from '@backstage/config';
import type { CheckLimits } from '@backstage-data-mesh/plugin-data-mesh-node';
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
