/**
 * A product's SLO health, from the stored states of its SLOs (their status and error
 * budget, by `productSloHealth` of data-mesh-common): what the explorer's index, the card,
 * the SLOs tab and lineage show.
 */
import {
  type ProductHealthView,
  type SloHealth,
  productSloHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { StoredSloState } from '../database/ObservationStore';
import type { DataProduct } from './DataProduct';

/** States by product ref. */
export function groupStates(
  states: StoredSloState[],
): Map<string, StoredSloState[]> {
  const byProduct = new Map<string, StoredSloState[]>();
  for (const state of states) {
    const list = byProduct.get(state.entityRef);
    if (list) list.push(state);
    else byProduct.set(state.entityRef, [state]);
  }
  return byProduct;
}

/**
 * The product's SLO health and why, from the states of the SLOs its contract still
 * declares (and pushed ones): their status and error budget.
 */
export function healthViewOf(
  product: Pick<DataProduct, 'slos'>,
  states: StoredSloState[],
): ProductHealthView {
  return productSloHealth(product.slos, states);
}

/** The product's SLO health (see {@link healthViewOf}). */
export function healthOf(
  product: Pick<DataProduct, 'slos'>,
  states: StoredSloState[],
): SloHealth {
  return healthViewOf(product, states).health;
}
