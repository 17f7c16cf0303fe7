import type { PathSegment } from '../../issues';
import type {
  OdcsCustomProperty,
  OdcsQualityRule,
  OdcsSchemaProperty,
} from '../../odcs/model';
import type { ConversionTrace } from '../conversionTrace';
import { addKeptFields, keepUnmapped } from '../keptFields';
import { isRecord } from '../../parsedValues';
import { allowedValuesRule } from '../allowedValuesRule';
import { convertDcsQualityRule } from './dcsQuality';
import { resolveDcsRef } from './dcsRefs';
import { mapDcsType } from './dcsTypes';
import { pickTypeOptions } from '../typeOptions';
import type { Converted } from '../types';

/** Where a field is read from (source) and written to (converted contract). */
export interface FieldPlace {
  source: readonly PathSegment[];
  target: readonly PathSegment[];
}

/** What converting fields needs besides the field: the definitions and the trace. */
export interface FieldContext {
  definitions: Record<string, unknown>;
  trace: ConversionTrace;
}

/**
 * Converts one DCS field (after resolving its `$ref`) to an ODCS schema property:
 * `title` → `businessName`; `type` → `logicalType` (+ the DCS type as `physicalType`);
 * `required`, `unique`, `classification`, `tags`, `description` as they are;
 * `primaryKey` (or the deprecated `primary`) → `primaryKey`; length, pattern, format and
 * range constraints → `logicalTypeOptions`; `example`/`examples` → `examples`;
 * `references` → a foreign-key relationship; `enum` and `quality` → quality rules;
 * `links` → `authoritativeDefinitions`; nested `fields` → `properties`, `items` → `items`.
 * `config` entries (`avroType`, `encryption`...) → one custom property each. Everything else
 * (`pii`, `precision`, `scale`, `lineage`, `keys`, `values`, `$ref`, unknown keys) is kept
 * in `customProperties` under its DCS name.
 */
export function convertDcsField(
  name: string | undefined,
  raw: unknown,
  place: FieldPlace,
  context: FieldContext,
): Converted<OdcsSchemaProperty> {
  const { trace } = context;
  trace.link(place.target, place.source);
  if (!isRecord(raw)) {
    trace.error(
      place.source,
      'type',
      `field "${
        name ?? 'items'
      }" must be a mapping of attributes such as "type" and "description".`,
    );
    return name === undefined ? {} : { name };
  }
  const field = resolveDcsRef(raw, context.definitions, place.source, trace);
  const mapped = new Set<string>();
  const use = (key: string) => {
    mapped.add(key);
    return field[key];
  };
  const out: Converted<OdcsSchemaProperty> = {};
  if (name !== undefined) out.name = name;
  if (typeof field.title === 'string') out.businessName = use('title');
  if (typeof field.description === 'string')
    out.description = use('description');

  const dcsType = typeof field.type === 'string' ? field.type : undefined;
  const mapping = dcsType ? mapDcsType(dcsType) : {};
  let logicalType = mapping.logicalType;
  if (!logicalType && !dcsType && isRecord(field.fields))
    logicalType = 'object';
  if (logicalType) out.logicalType = logicalType;
  const options = pickTypeOptions(logicalType, field);
  Object.keys(options).forEach(use);
  if (mapping.timezone !== undefined && logicalType === 'timestamp') {
    options.timezone = mapping.timezone;
  }
  if (Object.keys(options).length > 0) out.logicalTypeOptions = options;
  if (dcsType) out.physicalType = use('type');

  for (const key of ['required', 'unique'] as const) {
    if (typeof field[key] === 'boolean') out[key] = use(key);
  }
  if (typeof field.primaryKey === 'boolean') out.primaryKey = use('primaryKey');
  else if (typeof field.primary === 'boolean') out.primaryKey = use('primary');
  if (typeof field.classification === 'string')
    out.classification = use('classification');
  if (Array.isArray(field.tags)) out.tags = use('tags');
  if (Array.isArray(field.examples)) out.examples = use('examples');
  else if (field.example !== undefined) out.examples = [use('example')];

  if (typeof field.references === 'string') {
    out.relationships = [{ type: 'foreignKey', to: use('references') }];
  }

  const quality: Converted<OdcsQualityRule>[] = [];
  if (Array.isArray(field.enum)) {
    quality.push(allowedValuesRule(use('enum') as unknown[]));
  }
  if (Array.isArray(field.quality)) {
    (use('quality') as unknown[]).forEach((rule, index) =>
      quality.push(
        convertDcsQualityRule(rule, [...place.source, 'quality', index], trace),
      ),
    );
  }
  if (quality.length > 0) out.quality = quality;

  if (isRecord(field.links)) {
    out.authoritativeDefinitions = Object.entries(use('links') as object).map(
      ([type, url]) => ({ type, url }),
    );
  }

  if (isRecord(field.fields) && logicalType === 'object') {
    out.properties = Object.entries(
      use('fields') as Record<string, unknown>,
    ).map(([childName, child], index) =>
      convertDcsField(
        childName,
        child,
        {
          source: [...place.source, 'fields', childName],
          target: [...place.target, 'properties', index],
        },
        context,
      ),
    );
  }
  if (field.items !== undefined && logicalType === 'array') {
    out.items = convertDcsField(
      undefined,
      use('items'),
      {
        source: [...place.source, 'items'],
        target: [...place.target, 'items'],
      },
      context,
    );
  }

  const config = isRecord(field.config) ? use('config') : undefined;
  const kept = keepUnmapped(field, mapped);
  addKeptFields(out, [...kept, ...configProperties(config, kept)]);
  return out;
}

/**
 * A field's `config` (DCS's place for tool settings of a field: `avroType`, `encryption`...)
 * as custom properties, one per entry, as ODCS keeps such settings; an entry whose name is
 * already kept from the field itself is named `config.<name>`.
 */
function configProperties(
  config: unknown,
  kept: readonly OdcsCustomProperty[],
): OdcsCustomProperty[] {
  if (!isRecord(config)) return [];
  const taken = new Set(kept.map(entry => entry.property));
  return Object.entries(config).map(([key, value]) => ({
    property: taken.has(key) ? `config.${key}` : key,
    value,
  }));
}

/**
 * Converts the `fields` mapping of a DCS model or definition to ODCS properties, in source
 * order. `primaryKey` is the model's compound key: each of its fields gets `primaryKey: true`
 * and its 1-based `primaryKeyPosition`.
 */
export function convertDcsFields(
  fields: Record<string, unknown>,
  primaryKey: readonly string[],
  place: FieldPlace,
  context: FieldContext,
): Converted<OdcsSchemaProperty>[] {
  return Object.entries(fields).map(([name, field], index) => {
    const property = convertDcsField(
      name,
      field,
      {
        source: [...place.source, 'fields', name],
        target: [...place.target, 'properties', index],
      },
      context,
    );
    const position = primaryKey.indexOf(name);
    if (position >= 0) {
      property.primaryKey = true;
      property.primaryKeyPosition = position + 1;
    }
    return property;
  });
}
