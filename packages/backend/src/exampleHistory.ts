/**
 * The example portal's made-up history: 30 days (`dataMesh.examples.backfillDays`) of hourly
 * observations for every SLO the example products measure, so the dashboards show trends on
 * first start. Deterministic (seeded by product and SLO), each observation saying it is
 * example data; the data-mesh backend stores it as history (never current status or alerts)
 * through its history extension point.
 */
import path from 'node:path';
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
import { seededRandom, usualRowCounts } from '../../../examples/generate-data';

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

/** `component:default/orders` → `orders`. */
const nameOf = (entityRef: string) => entityRef.split('/').pop() ?? '';

/** How a product's example month went. */
export type ExampleMonth =
  /** One or two short incidents at most: the 30-day error budget holds. */
  | 'quiet'
  /** Incidents that spend the 30-day budget; the last one ended days ago, so it passes now. */
  | 'spends-budget';

/** Hours before the end of the history that stay free of incidents (the burn-rate windows). */
const QUIET_TAIL_HOURS = 4 * 24;

/** The failing hours of one SLO's month, as offsets from its start. */
function incidentHours(
  hours: number,
  month: ExampleMonth,
  random: () => number,
): Set<number> {
  const failing = new Set<number>();
  const latestStart = Math.max(1, hours - QUIET_TAIL_HOURS - 6);
  let incidents: number;
  let longest: number;
  if (month === 'spends-budget') {
    // about 15 to 25 failing hours: two to three times a 99 % objective's allowance
    incidents = 4 + Math.floor(random() * 3);
    longest = 5;
  } else {
    // none, one or two incidents of an hour or two: well within the allowance
    const r = random();
    incidents = 0;
    if (r >= 0.4) incidents = r < 0.85 ? 1 : 2;
    longest = 2;
  }
  for (let n = 0; n < incidents; n++) {
    const start = Math.floor(random() * latestStart);
    const length =
      month === 'spends-budget'
        ? 3 + Math.floor(random() * (longest - 2))
        : 1 + Math.floor(random() * longest);
    for (let h = start; h < start + length; h++) failing.add(h);
  }
  return failing;
}

/**
 * Hourly observations from `now - days` to the hour before `now` for each SLO the backend
 * measures. A `quiet` month (the default) has at most two short incidents per SLO, so its
 * error budget holds; a month that `spends-budget` has enough failing hours to spend it,
 * the last of them over four days before `now`. No incident falls in the last four days, so
 * the example history raises no burn-rate alert by itself.
 */
export function exampleHistory(
  entityRef: string,
  slos: readonly SloDefinition[],
  options: {
    days: number;
    now: number;
    month?: ExampleMonth;
    /** The rows each object usually has (by physical name): its volume SLO's counts. */
    usualRows?: ReadonlyMap<string, number>;
  },
): HistoricalObservation[] {
  const end = Math.floor(options.now / HOUR) * HOUR - HOUR;
  const start = end - options.days * 24 * HOUR;
  const hours = options.days * 24 + 1;
  const observations: HistoricalObservation[] = [];
  for (const slo of slos) {
    // a metric's series is what the portal measured, not made up
    if (slo.measure.type === 'pushed' || slo.kind === 'metric') continue;
    if (slo.measure.type === 'volume') {
      // the usual count of the object, when the example data says it
      const usual = options.usualRows?.get(slo.measure.object);
      if (usual === undefined) continue;
      for (let h = 0; h < hours; h++)
        observations.push({
          sloId: slo.id,
          status: 'pass',
          value: usual,
          message: BACKFILL_NOTE,
          observedAt: start + h * HOUR,
        });
      continue;
    }
    const random = seededRandom(`${entityRef} ${slo.id}`);
    const failing = incidentHours(hours, options.month ?? 'quiet', random);
    for (let h = 0; h < hours; h++) {
      const pass = !failing.has(h);
      observations.push({
        sloId: slo.id,
        status: pass ? 'pass' : 'fail',
        value: valueFor(slo, pass, random),
        message: BACKFILL_NOTE,
        observedAt: start + h * HOUR,
      });
    }
  }
  return observations;
}

/**
 * Adds the example history to the data-mesh backend when `dataMesh.examples.backfillDays` is
 * set (the example portal's app-config.yaml sets 30): a quiet month for most products, one
 * that spends the error budget for those `dataMesh.examples.spentBudget` names. Only the
 * example portal installs it.
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
        const examples = config.getOptionalString(
          'dataMesh.examples.pipelines.examples',
        );
        const usual = examples
          ? usualRowCounts(path.resolve(examples))
          : undefined;
        const spending = new Set(
          config.getOptionalStringArray('dataMesh.examples.spentBudget') ?? [],
        );
        history.addHistorySource({
          id: 'example',
          historyOf: (product, { now }) =>
            exampleHistory(product.entityRef, product.slos, {
              days,
              now,
              month: spending.has(nameOf(product.entityRef))
                ? 'spends-budget'
                : 'quiet',
              usualRows: usual?.get(nameOf(product.entityRef)),
            }),
        });
      },
    });
  },
});
