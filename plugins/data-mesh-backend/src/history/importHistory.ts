/**
 * Storing what history sources (`dataMeshHistoryExtensionPoint`) give, once per product and
 * source, as history: it counts in windows and charts, never in current states or alerts.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DataMeshHistorySource } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { ObservationStore } from '../database/ObservationStore';
import type { ProductCatalog } from '../products/DataProduct';

/**
 * Asks every source for the history of every product not yet stored from it, and stores it as
 * the run `history:<source id>` of the product. Returns how many observations were stored.
 */
export async function importHistory(
  sources: readonly DataMeshHistorySource[],
  products: ProductCatalog,
  store: ObservationStore,
  options: { logger: LoggerService; now?: number },
): Promise<number> {
  if (sources.length === 0) return 0;
  const now = options.now ?? Date.now();
  let stored = 0;
  const listed = await products.listProducts();
  for (const source of sources) {
    const runId = `history:${source.id}`;
    const done = await store.productsWithRun(runId);
    for (const product of listed) {
      if (done.has(product.entityRef)) continue;
      const observations = [
        ...(await source.historyOf(
          { entityRef: product.entityRef, slos: product.slos },
          { now },
        )),
      ].sort((a, b) => a.observedAt - b.observedAt);
      if (observations.length === 0) continue;
      const recorded = await store.recordRun(
        {
          runId,
          entityRef: product.entityRef,
          source: 'history',
          startedAt: observations[0].observedAt,
          finishedAt: observations[observations.length - 1].observedAt,
          observations,
        },
        { advanceStates: false },
      );
      stored += recorded.stored;
    }
  }
  if (stored > 0)
    options.logger.info(`History: stored ${stored} past observation(s)`);
  return stored;
}
