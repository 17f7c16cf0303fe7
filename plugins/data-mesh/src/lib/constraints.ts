import type { OdcsPropertyBase } from '@backstage-data-mesh/plugin-data-mesh-common';

const OPTION_LABELS: Record<string, string> = {
  minLength: 'min length',
  maxLength: 'max length',
  pattern: 'pattern',
  format: 'format',
  minimum: 'min',
  maximum: 'max',
  exclusiveMinimum: 'min (exclusive)',
  exclusiveMaximum: 'max (exclusive)',
  multipleOf: 'multiple of',
  minItems: 'min items',
  maxItems: 'max items',
  uniqueItems: 'unique items',
  minProperties: 'min properties',
  maxProperties: 'max properties',
  required: 'required keys',
  timezone: 'timezone',
  defaultTimezone: 'default timezone',
  dimensions: 'dimensions',
  elementType: 'element type',
  distanceMetric: 'distance',
  embeddingModel: 'embedding model',
  embeddingModelVersion: 'model version',
  normalized: 'normalised',
};

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The constraints of a property in words, one entry each: the options of its logical type
 * (`max length 36`, `pattern ^[A-Z]{3}$`), its allowed values, and the foreign keys it
 * references. Unknown options are listed under their own names.
 */
export function describeConstraints(property: OdcsPropertyBase): string[] {
  const out: string[] = [];
  const options = property.logicalTypeOptions;
  if (options && typeof options === 'object') {
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined || value === null) continue;
      out.push(`${OPTION_LABELS[key] ?? key} ${text(value)}`);
    }
  }
  if (Array.isArray(property.enum) && property.enum.length > 0) {
    out.push(`one of ${property.enum.map(e => text(e?.value)).join(', ')}`);
  }
  for (const relationship of property.relationships ?? []) {
    if (relationship?.to !== undefined) {
      out.push(`references ${text(relationship.to)}`);
    }
  }
  return out;
}

/** The key flags of a property, as short labels in a fixed order. */
export function propertyFlags(property: OdcsPropertyBase): string[] {
  const flags: string[] = [];
  if (property.primaryKey) {
    const position = property.primaryKeyPosition;
    flags.push(
      position && position > 0 ? `primary key ${position}` : 'primary key',
    );
  }
  if (property.required) flags.push('required');
  if (property.unique) flags.push('unique');
  if (property.partitioned) {
    const position = property.partitionKeyPosition;
    flags.push(
      position && position > 0 ? `partition ${position}` : 'partition',
    );
  }
  if (property.criticalDataElement) flags.push('critical');
  if (property.deprecated) flags.push('deprecated');
  return flags;
}
