/**
 * A product's SLO health, from the stored states of its SLOs: what the explorer, the card
 * and lineage show.
 */
import {
  type SloHealth,
  sloHealth,
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

/** The product's SLO health from the states of the SLOs its contract still declares (and pushed ones). */
export function healthOf(
  product: DataProduct,
  states: StoredSloState[],
): SloHealth {
  const declared = new Set(product.slos.map(s => s.id));
  return sloHealth(
    states
      .filter(s => declared.has(s.sloId) || s.sloId.startsWith('datacontract:'))
      .map(s => s.status),
  );
}
