import { PROCESSED_ANNOTATIONS } from './constants';

/**
 * True when the catalog shows the product with a broken contract
 * (`data-mesh/contract-status: invalid`): it consumes nothing, so no change hits it.
 * @public
 */
export function isBrokenProduct(entity: {
  metadata?: { annotations?: Record<string, string> };
}): boolean {
  return (
    entity.metadata?.annotations?.[PROCESSED_ANNOTATIONS.contractStatus] ===
    'invalid'
  );
}
