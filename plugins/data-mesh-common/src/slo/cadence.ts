/**
 * How often a product's SLOs are worth measuring: often enough to see a breach soon after it
 * starts, no more often than the promise can change.
 */
import type { SloDefinition } from './types';

/**
 * The bounds of a product's cadence and the cadence of SLOs that promise no time.
 * @public
 */
export interface CadenceSettings {
  /** Never more often than this (default 5 minutes). */
  minMillis: number;
  /** Never less often than this (default 24 hours). */
  maxMillis: number;
  /** For SLOs that name no time: completeness, quality rules, retention (default 1 hour). */
  defaultMillis: number;
  /** A time promise is checked this many times within it (default 6). */
  checksPerPeriod: number;
}

/**
 * 5 minutes to 24 hours; 1 hour for SLOs without a time; six checks per promised period.
 * @public
 */
export const DEFAULT_CADENCE: CadenceSettings = Object.freeze({
  minMillis: 5 * 60_000,
  maxMillis: 24 * 3_600_000,
  defaultMillis: 3_600_000,
  checksPerPeriod: 6,
});

const TIMED = new Set(['freshness', 'latency', 'frequency']);

/**
 * How often the scheduler evaluates a product: the shortest cadence its measured SLOs ask
 * for, within the settings' bounds. A freshness, latency or frequency promise of T seconds is
 * checked `checksPerPeriod` times within T (an hourly freshness promise every 10 minutes, a
 * daily one every 4 hours); availability at the minimum cadence; any other SLO at the default
 * cadence. A product with nothing the scheduler measures gets the maximum: it is fed by
 * pushed results only.
 * @public
 */
export function evaluationCadence(
  slos: readonly SloDefinition[],
  settings: CadenceSettings = DEFAULT_CADENCE,
): number {
  let cadence: number | undefined;
  for (const slo of slos) {
    if (slo.measure.type === 'pushed') continue;
    let wanted = settings.defaultMillis;
    if (slo.kind === 'availability') wanted = settings.minMillis;
    else if (
      TIMED.has(slo.kind) &&
      typeof slo.target.value === 'number' &&
      slo.target.unit === 'seconds' &&
      slo.target.value > 0
    ) {
      wanted = (slo.target.value * 1000) / settings.checksPerPeriod;
    }
    cadence = cadence === undefined ? wanted : Math.min(cadence, wanted);
  }
  if (cadence === undefined) return settings.maxMillis;
  return Math.round(
    Math.min(settings.maxMillis, Math.max(settings.minMillis, cadence)),
  );
}

/**
 * The cadence the scheduler evaluates products at, within bounds: each bound not given is
 * the default (5 minutes to 24 hours, 1 hour for SLOs without a time, six checks per
 * promised period).
 * @public
 */
export class EvaluationCadence {
  /** Never more often than this (ms). */
  readonly minMillis: number;
  /** Never less often than this (ms). */
  readonly maxMillis: number;
  /** For SLOs that name no time: completeness, quality rules, retention (ms). */
  readonly defaultMillis: number;
  /** A time promise is checked this many times within it. */
  readonly checksPerPeriod: number;

  constructor(
    bounds: {
      minMillis?: number;
      maxMillis?: number;
      defaultMillis?: number;
      checksPerPeriod?: number;
    } = {},
  ) {
    this.minMillis = bounds.minMillis ?? DEFAULT_CADENCE.minMillis;
    this.maxMillis = bounds.maxMillis ?? DEFAULT_CADENCE.maxMillis;
    this.defaultMillis = bounds.defaultMillis ?? DEFAULT_CADENCE.defaultMillis;
    this.checksPerPeriod =
      bounds.checksPerPeriod ?? DEFAULT_CADENCE.checksPerPeriod;
  }

  /**
   * How often a product with these SLOs is evaluated, in milliseconds: the shortest
   * cadence its measured SLOs ask for, within the bounds (see `evaluationCadence`).
   */
  of(slos: readonly SloDefinition[]): number {
    return evaluationCadence(slos, this);
  }
}
