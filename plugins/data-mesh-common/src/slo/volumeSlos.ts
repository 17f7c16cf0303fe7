/**
 * Volume as an SLO: the row count of each schema object, kept per evaluation and judged by
 * its change (see `judgeVolume`).
 */
import type { ObservabilityPlan } from '../observability/plan';
import { DEFAULT_VOLUME_SETTINGS } from '../observability/volume';
import type { OdcsContract } from '../odcs/model';
import { physicalName, schemaObjects } from '../product/schemaObjects';
import { toJsonPointer } from '../issues';
import { DEFAULT_OBJECTIVE } from './slaSlos';
import type { SloDefinition } from './types';

/**
 * The prefix of the volume SLOs' ids: `volume:<object>`.
 * @public
 */
export const VOLUME_SLO_PREFIX = 'volume:';

/**
 * The change in per cent a volume alert of the product's `observability.alerts` allows
 * (`row_count_change > 50%`), else the default.
 * @public
 */
export function volumeThreshold(plan: ObservabilityPlan | undefined): number {
  const rule = plan?.alerts.find(
    a =>
      (a.type === 'volume' || a.condition.metric === 'row_count_change') &&
      a.condition.metric === 'row_count_change' &&
      a.condition.threshold !== undefined &&
      a.condition.threshold > 0,
  );
  return rule?.condition.threshold ?? DEFAULT_VOLUME_SETTINGS.thresholdPercent;
}

/**
 * One volume SLO per schema object of a contract that names a server: where the portal
 * reads the server, each evaluation counts the object's rows, keeps the count and judges
 * its change; elsewhere pipelines may push it.
 */
export function volumeSlos(
  contract: OdcsContract,
  plan: ObservabilityPlan | undefined,
): SloDefinition[] {
  const servers = Array.isArray(contract.servers)
    ? contract.servers.filter(Boolean)
    : [];
  if (servers.length === 0) return [];
  const threshold = volumeThreshold(plan);
  return (Array.isArray(contract.schema) ? contract.schema : []).flatMap(
    (object, index) => {
      if (!schemaObjects({ schema: [object] }).length) return [];
      const name = physicalName(object);
      return [
        {
          id: `${VOLUME_SLO_PREFIX}${name}`,
          name: `volume of ${object.name}`,
          kind: 'volume' as const,
          target: {
            text: `rows in ${object.name} within ${threshold} % of the day before and of the usual for the weekday`,
            operator: '<=' as const,
            value: threshold,
            unit: 'rows',
            bounds: 'change' as const,
            objective: DEFAULT_OBJECTIVE,
          },
          measure: { type: 'volume' as const, object: name },
          path: toJsonPointer(['schema', index]),
        },
      ];
    },
  );
}
