import type { OdcsCustomProperty } from '../../odcs/model';
import { ODCS_QUALITY_OPERATORS } from '../../odcs/model';
import type { PathSegment } from '../../issues';
import type { ConversionTrace } from '../conversionTrace';
import { addKeptFields } from '../keptFields';
import { isRecord, ownEntry } from '../../parsedValues';

/** Quality attributes DCS and ODCS share under the same name. */
const SHARED_KEYS = new Set([
  'id',
  'type',
  'name',
  'description',
  'dimension',
  'method',
  'severity',
  'businessImpact',
  'unit',
  'schedule',
  'scheduler',
  'tags',
  'authoritativeDefinitions',
  'metric',
  'arguments',
  'query',
  'engine',
  'implementation',
  ...ODCS_QUALITY_OPERATORS,
]);

/** DCS spellings ODCS renamed. */
const RENAMED: Readonly<Record<string, string>> = {
  mustBeGreaterThanOrEqualTo: 'mustBeGreaterOrEqualTo',
  mustBeLessThanOrEqualTo: 'mustBeLessOrEqualTo',
  rule: 'metric',
};

/**
 * Converts one DCS quality rule (`text`, `library`, `sql`, `custom`) to an ODCS quality rule.
 * The shapes are nearly the same; deprecated DCS spellings take their ODCS names
 * (`mustBeGreaterThanOrEqualTo` → `mustBeGreaterOrEqualTo`, `rule` → `metric`), and keys
 * ODCS has no place for (`dialect`, …) go to the rule's `customProperties`.
 */
export function convertDcsQualityRule(
  rule: unknown,
  source: readonly PathSegment[],
  trace: ConversionTrace,
): Record<string, unknown> {
  if (!isRecord(rule)) {
    trace.error(
      source,
      'type',
      'a quality rule must be a mapping with a "type"; remove this entry or write it as one.',
    );
    return { type: 'text', description: String(rule) };
  }
  const out: Record<string, unknown> = {};
  const kept: OdcsCustomProperty[] = [];
  for (const [key, value] of Object.entries(rule)) {
    const target = SHARED_KEYS.has(key) ? key : ownEntry(RENAMED, key);
    if (target && !(target in out) && !(target in rule && target !== key)) {
      out[target] =
        target === 'implementation' && Array.isArray(value)
          ? JSON.stringify(value)
          : value;
    } else if (key === 'customProperties' && Array.isArray(value)) {
      kept.push(...(value as OdcsCustomProperty[]));
    } else {
      kept.push({ property: key, value });
    }
  }
  addKeptFields(out, kept);
  return out;
}
