/**
 * Which SLO of the product a pushed check measures. The portal's format names the SLO;
 * a datacontract-cli check is matched by its quality rule id, else by its type on the
 * model and field, else it becomes an SLO of its own (`datacontract:<type>:<model>.<field>`).
 */
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ObservationInput } from '../database/ObservationStore';
import type { PushedCheck } from './readPushedResults';

const TYPE_TO_SLO: Record<
  string,
  (model?: string, field?: string) => string[]
> = {
  field_required: (m, f) => [
    `quality:${m}.${f}:nullValues`,
    `quality:${m}.${f}:missingValues`,
  ],
  field_not_null: (m, f) => [`quality:${m}.${f}:nullValues`],
  field_unique: (m, f) => [`quality:${m}.${f}:duplicateValues`],
  field_enum: (m, f) => [`quality:${m}.${f}:invalidValues`],
  field_regex: (m, f) => [`quality:${m}.${f}:invalidValues`],
  row_count: m => [`quality:${m}:rowCount`],
  model_row_count: m => [`quality:${m}:rowCount`],
  freshness: () => ['sla:freshness', 'sla:latency'],
  model_freshness: () => ['sla:freshness', 'sla:latency'],
  retention: () => ['sla:retention'],
};

/** The observations of a pushed run, each under the id of the SLO it measures. */
export function matchChecks(
  slos: SloDefinition[],
  checks: PushedCheck[],
): ObservationInput[] {
  const ids = new Set(slos.map(s => s.id));
  const byRuleId = new Map<string, string>();
  for (const slo of slos) {
    if (slo.id.startsWith('quality:') && !slo.id.slice(8).includes(':'))
      byRuleId.set(slo.id.slice(8), slo.id);
  }
  return checks.map(check => {
    const { check: dc, ...observation } = check;
    if (observation.sloId) {
      const sloId = ids.has(observation.sloId)
        ? observation.sloId
        : byRuleId.get(observation.sloId) ?? observation.sloId;
      return { ...observation, sloId };
    }
    let sloId: string | undefined;
    if (dc?.qualityId)
      sloId =
        byRuleId.get(dc.qualityId) ??
        (ids.has(`quality:${dc.qualityId}`)
          ? `quality:${dc.qualityId}`
          : undefined);
    if (!sloId && dc?.type)
      sloId = TYPE_TO_SLO[dc.type]?.(dc.model, dc.field).find(id =>
        ids.has(id),
      );
    if (!sloId) {
      const scope = [dc?.model, dc?.field].filter(Boolean).join('.');
      sloId = `datacontract:${
        dc?.qualityId ?? dc?.key ?? `${dc?.type}${scope ? `:${scope}` : ''}`
      }`;
    }
    return { ...observation, sloId };
  });
}
