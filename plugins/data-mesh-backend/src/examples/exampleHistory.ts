/**
 * The example history backfill: 30 days (configurable) of made-up hourly observations for
 * every SLO the example products measure, so the dashboards show trends on first start.
 * Deterministic (seeded by product and SLO), stored as runs of source `backfill` with a
 * message that says they are example data, and never used for alerts or current status.
 */
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ObservationInput } from '../database/ObservationStore';

/** The note every backfilled observation carries. */
export const BACKFILL_NOTE = 'example history (backfill), not measured';

const HOUR = 3_600_000;

/** A small deterministic generator (mulberry32) seeded from text. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  slos: SloDefinition[],
  options: { days: number; now: number },
): ObservationInput[] {
  const end = Math.floor(options.now / HOUR) * HOUR - HOUR;
  const start = end - options.days * 24 * HOUR;
  const observations: ObservationInput[] = [];
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
