import type {
  OdcsCustomProperty,
  OdcsQualityRule,
  OdcsSlaProperty,
} from '../../odcs/model';
import type { ConversionTrace } from '../conversionTrace';
import { keepUnmapped } from '../keptFields';
import { toOdcsSlaValue } from '../slaValue';
import type { Converted } from '../types';
import { isRecord, scalarText } from '../../parsedValues';

type SlaProperty = Converted<OdcsSlaProperty>;
type QualityRule = Converted<OdcsQualityRule>;

function slaProperty(
  property: string,
  raw: unknown,
  unitIfNumber?: string,
): SlaProperty {
  const { value, unit } = toOdcsSlaValue(raw);
  const out: SlaProperty = { property, value };
  const chosen = unit ?? (typeof value === 'number' ? unitIfNumber : undefined);
  if (chosen !== undefined) out.unit = chosen;
  return out;
}

/** The SLA of a `data_product.yaml`, converted: SLA properties, quality rules, and what is kept. */
export interface DataProductSla {
  slaProperties: SlaProperty[];
  /** `quality_checks` as ODCS `sql` rules, for the schema object. */
  quality: QualityRule[];
  kept: OdcsCustomProperty[];
}

function convertQualityCheck(check: unknown): QualityRule {
  if (!isRecord(check)) return { type: 'text', description: String(check) };
  const rule: QualityRule = { type: 'sql' };
  if (check.name !== undefined)
    rule.name = scalarText(check.name) ?? check.name;
  if (check.description !== undefined) rule.description = check.description;
  if (check.query !== undefined) rule.query = check.query;
  if (check.threshold !== undefined) rule.mustBeLessOrEqualTo = check.threshold;
  const kept = keepUnmapped(check, [
    'name',
    'description',
    'query',
    'threshold',
  ]);
  if (kept.length > 0) rule.customProperties = kept;
  return rule;
}

/**
 * Converts the `sla` block of a `data_product.yaml`:
 * - `availability: 99.9%` → SLA `availability` 99.9 `percent`;
 * - `freshness.max_age_hours` → SLA `freshness` in `h`; `freshness.update_schedule` (cron)
 *   → SLA `frequency` with `scheduler: cron`; a plain `freshness: 24h` is read as it is;
 * - `completeness.min_threshold` → SLA `completeness` (in `percent`);
 * - `quality_checks` (`name`, `query`, `threshold`) → `sql` quality rules on the schema
 *   object, the query counting offending rows: `threshold` → `mustBeLessOrEqualTo`;
 * - any other scalar → an SLA property of the same name; other entries are kept as custom
 *   properties named by their path (`sla.<key>`).
 */
export function convertDataProductSla(
  sla: Record<string, unknown>,
  trace: ConversionTrace,
): DataProductSla {
  const slaProperties: SlaProperty[] = [];
  const quality: QualityRule[] = [];
  const kept: OdcsCustomProperty[] = [];
  const add = (source: string, property: SlaProperty) => {
    trace.link(['slaProperties', slaProperties.length], ['sla', source]);
    slaProperties.push(property);
  };
  for (const [key, raw] of Object.entries(sla)) {
    if (key === 'freshness' && isRecord(raw)) {
      if (raw.max_age_hours !== undefined)
        add(key, slaProperty('freshness', raw.max_age_hours, 'h'));
      if (raw.update_schedule !== undefined) {
        add(key, {
          property: 'frequency',
          value: scalarText(raw.update_schedule) ?? null,
          scheduler: 'cron',
        });
      }
      kept.push(
        ...keepUnmapped(
          raw,
          ['max_age_hours', 'update_schedule'],
          'sla.freshness',
        ),
      );
    } else if (key === 'completeness' && isRecord(raw)) {
      if (raw.min_threshold !== undefined)
        add(key, slaProperty('completeness', raw.min_threshold, 'percent'));
      kept.push(...keepUnmapped(raw, ['min_threshold'], 'sla.completeness'));
    } else if (key === 'quality_checks' && Array.isArray(raw)) {
      quality.push(...raw.map(convertQualityCheck));
    } else if (isRecord(raw) || Array.isArray(raw)) {
      kept.push({ property: `sla.${key}`, value: raw });
    } else {
      add(
        key,
        slaProperty(key, raw, key === 'availability' ? 'percent' : undefined),
      );
    }
  }
  return { slaProperties, quality, kept };
}
