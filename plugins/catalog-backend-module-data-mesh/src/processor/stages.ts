import { channel } from 'node:diagnostics_channel';

/**
 * Where the processor's time goes, one message per stage of each product it processes:
 * `{ stage, ms }` with stage `processing` (all of it), `reading` (files read, parsed, validated and summarised),
 * `governing`, `recording` (the contract kept for the data-mesh backend) and `looking up`
 * (other entities: contract ids, upstream products, domains); and one message per listing of
 * the catalog's data products, `{ stage: 'listing products', ms, products }`, however many
 * products it served. Published only while something
 * subscribes (`diagnostics_channel.subscribe(PROCESSING_STAGES_CHANNEL, …)`), as benchmarks do.
 *
 * @public
 */
export const PROCESSING_STAGES_CHANNEL = 'data-mesh:catalog-processing';
const stages = channel(PROCESSING_STAGES_CHANNEL);

/** Runs `work`, telling the stages channel how long it took when someone listens. */
export async function timed<T>(
  stage: string,
  work: () => Promise<T> | T,
): Promise<T> {
  if (!stages.hasSubscribers) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    stages.publish({ stage, ms: performance.now() - start });
  }
}

/** Tells the stages channel of a stage measured elsewhere, when someone listens. */
export function publishStage(
  message: { stage: string; ms: number } & Record<string, unknown>,
) {
  if (stages.hasSubscribers) stages.publish(message);
}
