/**
 * Schema drift on a product's server: the engine describes the contract's objects, and
 * data-mesh-common compares what it found with the contract.
 */
import {
  type DriftFinding,
  type OdcsContract,
  type SloDefinition,
  compareSchemaToData,
  describeDrift,
  missingObjects,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { EngineSession, MeasuredValue } from './engines/types';

/** Findings kept with the SLO's state at most (the count says how many there were). */
const MAX_FINDINGS = 200;

/** What a drift check keeps with its SLO's state. */
export interface DriftDetails {
  findings: DriftFinding[];
  /** How many findings there were, when more than were kept. */
  total?: number;
}

/**
 * Measures the drift SLO: its value is the number of findings that break the contract
 * (missing fields and objects, other types, nulls where the contract requires a value);
 * columns the contract does not know are warnings, named in the message. Engine errors
 * propagate to the caller.
 */
export async function measureDrift(
  session: EngineSession,
  contract: OdcsContract | undefined,
  slo: SloDefinition,
  signal?: AbortSignal,
): Promise<MeasuredValue> {
  if (slo.measure.type !== 'schema' || !contract)
    return { sloId: slo.id, error: 'no schema to compare the data with' };
  const { observed, missing } = await session.describe(
    slo.measure.objects,
    signal,
  );
  const findings = [
    ...missingObjects(contract, missing),
    ...compareSchemaToData(contract, observed),
  ];
  const details: DriftDetails = { findings: findings.slice(0, MAX_FINDINGS) };
  if (findings.length > MAX_FINDINGS) details.total = findings.length;
  const measured: MeasuredValue = {
    sloId: slo.id,
    value: findings.filter(f => f.severity === 'breaking').length,
    details,
  };
  if (findings.length > 0) measured.message = describeDrift(findings);
  return measured;
}
