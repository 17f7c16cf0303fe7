/**
 * Measures every SLO of one product on its server and turns the numbers into outcomes.
 */
import { meetsTarget } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct } from '../products/DataProduct';
import type { ObservationInput } from '../database/ObservationStore';
import { errorText } from './runWithTimeout';
import type { ServerRegistry } from './ServerRegistry';
import type { MeasuredValue } from './engines/types';

/** What one evaluation of one product found. */
export interface ProductEvaluation {
  server?: string;
  startedAt: number;
  finishedAt: number;
  observations: ObservationInput[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The outcome of one measured value against its SLO's target. */
export function toObservation(
  product: DataProduct,
  measured: MeasuredValue,
  observedAt: number,
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
  const pass = meetsTarget(measured.value, slo.target);
  const observation: ObservationInput = {
    sloId: slo.id,
    status: pass ? 'pass' : 'fail',
    value: measured.value,
    observedAt,
  };
  if (!pass)
    observation.message = `measured ${round(measured.value)}${
      slo.target.unit ? ` ${slo.target.unit}` : ''
    }; target: ${slo.target.text}`;
  return observation;
}

/**
 * Evaluates the product's measurable SLOs on the first configured server of its contract.
 * Returns undefined when no server of the contract is configured. A check that fails to run
 * is an `error` observation; a server that cannot be opened errors every check (and fails
 * availability), never the evaluation.
 */
export async function evaluateProduct(
  product: DataProduct,
  servers: ServerRegistry,
): Promise<ProductEvaluation | undefined> {
  const evaluated = servers.serverFor(product);
  if (!evaluated) return undefined;
  const measurable = product.slos.filter(s => s.measure.type !== 'pushed');
  const startedAt = Date.now();
  const measured: MeasuredValue[] = [];
  let session;
  try {
    session = await servers.open(product, evaluated);
  } catch (error) {
    const reason = errorText(error);
    for (const slo of measurable) {
      measured.push(
        slo.measure.type === 'reachable'
          ? { sloId: slo.id, unreachable: reason }
          : {
              sloId: slo.id,
              error: `server "${evaluated.server.server}" could not be opened: ${reason}`,
            },
      );
    }
  }
  if (session) {
    try {
      for (const slo of measurable) measured.push(await session.measure(slo));
    } finally {
      await session.close();
    }
  }
  const finishedAt = Date.now();
  const observations = measured
    .map(m => toObservation(product, m, finishedAt))
    .filter((o): o is ObservationInput => !!o);
  return {
    server: evaluated.server.server,
    startedAt,
    finishedAt,
    observations,
  };
}
