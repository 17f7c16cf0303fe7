import type { OdcsSlaProperty } from '../odcs/model';
import { text } from './names';
import type { DraftDuration, DraftServiceLevels } from './types';

/** `{ value: 24, unit: 'h' }`, `'24h'`, `'24 hours'` or `24` (with a default unit) → value and unit. */
export function durationOf(
  duration: DraftDuration | undefined,
  defaultUnit: string,
): { value: number | string; unit: string } | undefined {
  if (duration === undefined || duration === null) return undefined;
  if (typeof duration === 'number') {
    return Number.isFinite(duration)
      ? { value: duration, unit: defaultUnit }
      : undefined;
  }
  if (typeof duration === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(duration);
    if (match)
      return { value: Number(match[1]), unit: match[2] || defaultUnit };
    return text(duration)
      ? { value: duration.trim(), unit: defaultUnit }
      : undefined;
  }
  const value =
    typeof duration.value === 'string' &&
    /^\d+(\.\d+)?$/.test(duration.value.trim())
      ? Number(duration.value)
      : duration.value;
  if (value === undefined || value === null || value === '') return undefined;
  return { value, unit: text(duration.unit) ?? defaultUnit };
}

function percent(
  value: number | string | undefined,
): number | string | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  const written = text(value);
  if (!written) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(written);
  return match ? Number(match[1]) : written;
}

/**
 * The contract's SLA properties from the form's service levels. Freshness applies to the
 * object's first timestamp field when it has one (`element`).
 */
export function slaPropertiesOf(
  slos: DraftServiceLevels | undefined,
  freshnessElement: string | undefined,
): OdcsSlaProperty[] {
  if (!slos) return [];
  const out: OdcsSlaProperty[] = [];
  const freshness = durationOf(slos.freshness, 'h');
  if (freshness) {
    const property: OdcsSlaProperty = {
      property: 'freshness',
      ...freshness,
      description: 'Maximum age of the newest row when read.',
    };
    if (freshnessElement) property.element = freshnessElement;
    out.push(property);
  }
  const completeness = percent(slos.completeness);
  if (completeness !== undefined) {
    out.push({
      property: 'completeness',
      value: completeness,
      unit: 'percent',
    });
  }
  const accuracy = percent(slos.accuracy);
  if (accuracy !== undefined) {
    out.push({ property: 'accuracy', value: accuracy, unit: 'percent' });
  }
  const availability = percent(slos.availability);
  if (availability !== undefined) {
    out.push({
      property: 'availability',
      value: availability,
      unit: 'percent',
    });
  }
  const retention = durationOf(slos.retention, 'y');
  if (retention) out.push({ property: 'retention', ...retention });
  return out;
}
