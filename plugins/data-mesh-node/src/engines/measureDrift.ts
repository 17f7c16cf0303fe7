/**
 * Schema drift on a product's server: the engine describes the contract's objects, and
 * data-mesh-common compares what it found with the contract. An engine whose sessions do
 * not describe their objects leaves drift not measured, saying why.
 */
import {
  type DriftFinding,
  type OdcsContract,
  type SloDefinition,
  schemaDrift,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { EngineSession, MeasuredValue } from './types';

/** Why drift is not measured on an engine whose sessions do not describe their objects. */
const NOT_DESCRIBED =
  "not measured: this server's engine does not describe the columns of its data (its sessions have no describe), so the data cannot be compared with the contract";

/** Findings kept with the SLO's state at most (the count says how many there were). */
const MAX_FINDINGS = 200;

/**
 * What a drift check keeps with its SLO's state.
 *
 * @public
 */
export interface DriftDetails {
  /** What departs from the contract, breaking findings and warnings, at most 200. */
  findings: DriftFinding[];
  /** How many findings there were, when more than were kept. */
  total?: number;
}

/**
 * Measures the drift SLO: its value is the number of findings that break the contract
 * (missing fields and objects, other types, nulls where the contract requires a value);
 * columns the contract does not know are warnings, named in the message. Engine errors
 * propagate to the caller. A session without `describe` gives an error saying drift is not
 * measured on this engine.
 *
 * @public
 */
export async function measureDrift(
  session: EngineSession,
  contract: OdcsContract | undefined,
  slo: SloDefinition,
  signal?: AbortSignal,
): Promise<MeasuredValue> {
  if (slo.measure.type !== 'schema' || !contract)
    return { sloId: slo.id, error: 'no schema to compare the data with' };
  if (!session.describe)
    return {
      sloId: slo.id,
      error: NOT_DESCRIBED,
    };
  const { findings, message } = schemaDrift(
    contract,
    await session.describe(slo.measure.objects, signal),
  );
  const details: DriftDetails = { findings: findings.slice(0, MAX_FINDINGS) };
  if (findings.length > MAX_FINDINGS) details.total = findings.length;
  const measured: MeasuredValue = {
    sloId: slo.id,
    value: findings.filter(f => f.severity === 'breaking').length,
    details,
  };
  if (message !== undefined) measured.message = message;
  return measured;
}
