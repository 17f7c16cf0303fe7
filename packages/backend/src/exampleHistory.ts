/**
 * The example portal's made-up history: 30 days (`dataMesh.examples.backfillDays`) of hourly
 * observations for every SLO the example products measure, so the dashboards show trends on
 * first start. Deterministic (seeded by product and SLO), each observation saying it is
 * example data; the data-mesh backend stores it as history (never current status or alerts)
 * through its history extension point.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  dataMeshHistoryExtensionPoint,
  type HistoricalObservation,
} from '@backstage-data-mesh/plugin-data-mesh-node';
// The generator lives with the example mesh it writes data for, outside the packages.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { seededRandom } from '../../../examples/generate-data';

/** The note every example observation carries. */
export const BACKFILL_NOTE = 'example history (backfill), not measured';

const HOUR = 3_600_000;

/** A value that meets (or misses) the SLO's target. */
function valueFor(
  slo: SloDefinition,
  pass: boolean,
  random: () => number,
): number {
  const { operator, value } = slo.target;
  const r = random();
  if (Array.isArray(value)) {
    const [low, high] = value;
    const inside = low + (high - low) * r;
    return (operator === 'between') === pass
      ? inside
      : high + 1 + r * (high - low + 1);
  }
  const round = (n: number) =>
    slo.target.unit === 'rows' ? Math.round(n) : Math.round(n * 100) / 100;
  switch (operator) {
    case '<=':
    case '<':
      return round(pass ? value * (0.2 + 0.6 * r) : value * (1.2 + 2 * r) + 1);
    case '>=':
    case '>':
      if (slo.target.unit === 'percent')
        return round(
          pass ? value + (100 - value) * r : value * (0.9 + 0.09 * r),
        );
      return round(
        pass ? value * (1.1 + 0.4 * r) + 1 : value * (0.3 + 0.5 * r),
      );
    case '=':
      return pass ? value : value + 1 + Math.floor(r * 20);
    case '!=':
      return pass ? value + 1 + Math.floor(r * 20) : value;
    default:
      return value;
  }
}

/**
 * Hourly observations from `now - days` to the hour before `now` for each SLO the backend
 * measures. About one hour in fifty starts an incident of one to five failing hours.
 */
export function exampleHistory(
  entityRef: string,
  slos: readonly SloDefinition[],
  options: { days: number; now: number },
): HistoricalObservation[] {
  const end = Math.floor(options.now / HOUR) * HOUR - HOUR;
  const start = end - options.days * 24 * HOUR;
  const observations: HistoricalObservation[] = [];
  for (const slo of slos) {
    if (slo.measure.type === 'pushed') continue;
    const random = seededRandom(`${entityRef} ${slo.id}`);
    let incident = 0;
    for (let at = start; at <= end; at += HOUR) {
      if (incident === 0 && random() < 0.02)
        incident = 1 + Math.floor(random() * 5);
      const pass = incident === 0;
      if (incident > 0) incident -= 1;
      observations.push({
        sloId: slo.id,
        status: pass ? 'pass' : 'fail',
        value: valueFor(slo, pass, random),
        message: BACKFILL_NOTE,
        observedAt: at,
      });
    }
  }
  return observations;
}

/**
 * Adds the example history to the data-mesh backend when `dataMesh.examples.backfillDays` is
 * set (the example portal's app-config.yaml sets 30). Only the example portal installs it.
 */
export const exampleHistoryModule = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'example-history',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        history: dataMeshHistoryExtensionPoint,
      },
      async init({ config, history }) {
        const days = config.getOptionalNumber('dataMesh.examples.backfillDays');
        if (!days || days <= 0) return;
        history.addHistorySource({
          id: 'example',
          historyOf: (product, { now }) =>
            exampleHistory(product.entityRef, product.slos, { days, now }),
        });
      },
    });
  },
});
