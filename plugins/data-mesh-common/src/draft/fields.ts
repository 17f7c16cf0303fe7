import type {
  OdcsLogicalType,
  OdcsQualityRule,
  OdcsSchemaProperty,
} from '../odcs/model';
import { text } from './names';
import type { DraftField } from './types';

const PHYSICAL_TYPES: Record<string, string> = {
  string: 'varchar',
  integer: 'bigint',
  number: 'double',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};

const LOGICAL_TYPES = new Set<string>([
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'timestamp',
  'time',
  'object',
  'array',
]);

/** The quality rules a field's constraints imply: required → no nulls, unique → no duplicates. */
function qualityOf(field: DraftField, name: string): OdcsQualityRule[] {
  const rules: OdcsQualityRule[] = [];
  if (field.required || field.primaryKey) {
    rules.push({
      metric: 'nullValues',
      mustBe: 0,
      dimension: 'completeness',
      description: `Every row has its ${name}.`,
    });
  }
  if (field.unique || field.primaryKey) {
    rules.push({
      metric: 'duplicateValues',
      mustBe: 0,
      dimension: 'uniqueness',
      description: `No two rows share a ${name}.`,
    });
  }
  return rules;
}

/**
 * One ODCS property from a form field. What the form leaves out stays out (a missing
 * description is for governance to report, not for the draft to invent), except the
 * physical type, which follows from the logical one.
 */
export function propertyOf(
  field: DraftField,
  index: number,
): OdcsSchemaProperty {
  const name = text(field.name) ?? `field_${index + 1}`;
  const property: OdcsSchemaProperty = { name };
  const type = text(field.type)?.toLowerCase();
  if (type && LOGICAL_TYPES.has(type))
    property.logicalType = type as OdcsLogicalType;
  const physicalType =
    text(field.physicalType) ?? (type ? PHYSICAL_TYPES[type] : undefined);
  if (physicalType) property.physicalType = physicalType;
  const description = text(field.description);
  if (description) property.description = description;
  if (field.primaryKey) {
    property.primaryKey = true;
    property.required = true;
    property.unique = true;
  } else {
    if (field.required) property.required = true;
    if (field.unique) property.unique = true;
  }
  const classification = text(field.classification);
  if (classification) property.classification = classification.toLowerCase();
  if (field.pii) {
    property.tags = ['pii'];
    const customProperties = [];
    const category = text(field.piiCategory);
    if (category)
      customProperties.push({ property: 'piiCategory', value: category });
    if (field.encrypted) {
      property.encryptedName = `${name}_enc`;
    }
    if (customProperties.length > 0)
      property.customProperties = customProperties;
  }
  const quality = qualityOf(field, name);
  if (quality.length > 0) property.quality = quality;
  return property;
}

/** Numbers the primary key's fields in form order (`primaryKeyPosition`) when there are several. */
export function numberPrimaryKey(properties: OdcsSchemaProperty[]): void {
  const keys = properties.filter(p => p.primaryKey);
  if (keys.length < 2) return;
  keys.forEach((p, i) => {
    p.primaryKeyPosition = i + 1;
  });
}
