import type { PathSegment } from '../../issues';
import type { OdcsSchemaObject } from '../../odcs/model';
import type { ConversionTrace } from '../conversionTrace';
import { addKeptFields, keepUnmapped } from '../keptFields';
import type { Converted } from '../types';
import { isRecord } from '../../parsedValues';
import { convertDcsFields } from './dcsFields';
import { convertDcsQualityRule } from './dcsQuality';

/**
 * Converts the DCS `models` mapping to ODCS schema objects, one per model in source order:
 * the model key → `name`, `title` → `businessName`, `type` (table, view, object) →
 * `physicalType`, `description`, `fields` → `properties`, `primaryKey` (a compound key) →
 * `primaryKey`/`primaryKeyPosition` on its properties, `quality` → `quality`. `examples`,
 * `additionalFields`, `config` and unknown keys are kept in `customProperties`.
 */
export function convertDcsModels(
  models: Record<string, unknown>,
  definitions: Record<string, unknown>,
  trace: ConversionTrace,
): Converted<OdcsSchemaObject>[] {
  return Object.entries(models).map(([name, model], index) => {
    const source: PathSegment[] = ['models', name];
    const target: PathSegment[] = ['schema', index];
    trace.link(target, source);
    const out: Converted<OdcsSchemaObject> = { name };
    if (!isRecord(model)) {
      trace.error(
        source,
        'type',
        `model "${name}" must be a mapping with "fields"; write it as one or remove it.`,
      );
      return out;
    }
    const mapped = new Set<string>();
    if (typeof model.title === 'string') {
      out.businessName = model.title;
      mapped.add('title');
    }
    if (typeof model.type === 'string') {
      out.physicalType = model.type;
      mapped.add('type');
    }
    if (typeof model.description === 'string') {
      out.description = model.description;
      mapped.add('description');
    }
    out.logicalType = 'object';

    const fieldNames = isRecord(model.fields) ? Object.keys(model.fields) : [];
    const primaryKey = Array.isArray(model.primaryKey)
      ? model.primaryKey.filter((key): key is string => typeof key === 'string')
      : [];
    const missing = primaryKey.filter(key => !fieldNames.includes(key));
    if (Array.isArray(model.primaryKey) && missing.length === 0)
      mapped.add('primaryKey');
    for (const key of missing) {
      trace.warn(
        [...source, 'primaryKey'],
        'unknown-field',
        `primaryKey names "${key}", which is not a field of model "${name}"; fix the name or add the field.`,
      );
    }

    if (isRecord(model.fields)) {
      out.properties = convertDcsFields(
        model.fields,
        primaryKey,
        { source, target },
        {
          definitions,
          trace,
        },
      );
      mapped.add('fields');
    }
    if (Array.isArray(model.quality)) {
      out.quality = model.quality.map((rule, ruleIndex) =>
        convertDcsQualityRule(rule, [...source, 'quality', ruleIndex], trace),
      );
      mapped.add('quality');
    }
    addKeptFields(out, keepUnmapped(model, mapped));
    return out;
  });
}
