import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ObservationStore } from '../database/ObservationStore';
import type { ProductSource } from '../products/DataProduct';
import { exampleHistory } from './exampleHistory';

/** `dataMesh.examples`: how many days to backfill, and whose month spends its budget. */
export interface ExampleHistorySettings {
  days: number;
  /** Names of the products whose example month spends the 30-day error budget. */
  spentBudget?: string[];
}

/**
 * Stores the example history of every product that has measurable SLOs and no history yet
 * (`dataMesh.examples.backfillDays`): a quiet month for most, one that spends the error
 * budget for the products `dataMesh.examples.spentBudget` names. Runs are named `backfill:<entity ref>`, so a product is
 * backfilled once.
 */
export async function backfillExamples(
  products: ProductSource,
  store: ObservationStore,
  options: ExampleHistorySettings & { logger: LoggerService; now?: number },
): Promise<number> {
  let stored = 0;
  const spending = new Set(options.spentBudget ?? []);
  for (const product of await products.listProducts()) {
    const observations = exampleHistory(product.entityRef, product.slos, {
      days: options.days,
      now: options.now ?? Date.now(),
      month: spending.has(product.name) ? 'spends-budget' : 'quiet',
    });
    if (observations.length === 0) continue;
    const recorded = await store.recordRun(
      {
        runId: `backfill:${product.entityRef}`,
        entityRef: product.entityRef,
        source: 'backfill',
        startedAt: observations[0].observedAt,
        finishedAt: observations[observations.length - 1].observedAt,
        observations,
      },
      { advanceStates: false },
    );
    stored += recorded.stored;
  }
  if (stored > 0)
    options.logger.info(
      `Example history: backfilled ${stored} observation(s) over ${options.days} days`,
    );
  return stored;
}
