import type { PathSegment } from '../../issues';
import type { OdcsLogicalType, OdcsSchemaProperty } from '../../odcs/model';
import { allowedValuesRule } from '../allowedValuesRule';
import type { ConversionTrace } from '../conversionTrace';
import { addKeptFields, keepUnmapped } from '../keptFields';
import { logicalTypeOf } from '../logicalTypeOf';
import { pickTypeOptions } from '../typeOptions';
import type { Converted } from '../types';
import { isRecord, ownEntry, scalarText } from '../../parsedValues';

/** Word constraints of the `data_product.yaml` shape and the ODCS flag each sets. */
const FLAG_CONSTRAINTS: Readonly<
  Record<string, 'unique' | 'required' | 'primaryKey'>
> = {
  unique: 'unique',
  not_null: 'required',
  required: 'required',
  primary_key: 'primaryKey',
};

/** Keyed constraints and the ODCS `logicalTypeOptions` key each becomes. */
const OPTION_CONSTRAINTS: Readonly<Record<string, string>> = {
  min: 'minimum',
  max: 'maximum',
  min_length: 'minLength',
  max_length: 'maxLength',
  pattern: 'pattern',
  format: 'format',
};

/** The constraint words and keys this reader maps; others are kept as written. */
export const KNOWN_CONSTRAINTS: readonly string[] = [
  ...Object.keys(FLAG_CONSTRAINTS),
  ...Object.keys(OPTION_CONSTRAINTS),
  'in',
];

/**
 * Applies a field's `constraints` list to its ODCS property: `unique` → `unique`,
 * `not_null` → `required`, `primary_key` → `primaryKey`, `{min}`/`{max}` →
 * `logicalTypeOptions.minimum`/`maximum` (`min_length`, `max_length`, `pattern`, `format`
 * likewise), `{in: [...]}` → an allowed-values quality rule. Constraints that do not apply
 * (a `min` on a string) or that this reader does not know stay, as written, in the custom
 * property `constraints`.
 */
function applyConstraints(
  property: Converted<OdcsSchemaProperty>,
  constraints: readonly unknown[],
): unknown[] {
  const unplaced: unknown[] = [];
  const candidates: Record<string, unknown> = {};
  const candidateSources = new Map<string, unknown>();
  for (const constraint of constraints) {
    const flag =
      typeof constraint === 'string'
        ? ownEntry(FLAG_CONSTRAINTS, constraint)
        : undefined;
    if (flag) {
      property[flag] = true;
    } else if (isRecord(constraint) && Object.keys(constraint).length === 1) {
      const [[key, value]] = Object.entries(constraint);
      const option = ownEntry(OPTION_CONSTRAINTS, key);
      if (key === 'in' && Array.isArray(value)) {
        property.quality = [
          ...((property.quality as unknown[]) ?? []),
          allowedValuesRule(value),
        ];
      } else if (option && !(option in candidates)) {
        candidates[option] = value;
        candidateSources.set(option, constraint);
      } else {
        unplaced.push(constraint);
      }
    } else {
      unplaced.push(constraint);
    }
  }
  const options = pickTypeOptions(
    property.logicalType as OdcsLogicalType | undefined,
    candidates,
  );
  for (const [key, source] of candidateSources) {
    if (!(key in options)) unplaced.push(source);
  }
  if (Object.keys(options).length > 0) property.logicalTypeOptions = options;
  return unplaced;
}

/**
 * Converts the `schema.fields` list of a `data_product.yaml` to ODCS properties: `name`,
 * `description`, `type` → `logicalType` (+ the type as written as `physicalType`, so
 * `decimal(12,2)` keeps its precision), `constraints` (see above); the columns named in
 * `partitioned_by` get `partitioned: true` and their 1-based `partitionKeyPosition`.
 * Other keys are kept in `customProperties`.
 */
export function convertDataProductFields(
  fields: readonly unknown[],
  partitionedBy: readonly string[],
  source: readonly PathSegment[],
  target: readonly PathSegment[],
  trace: ConversionTrace,
): Converted<OdcsSchemaProperty>[] {
  return fields.map((field, index) => {
    const at = [...source, index];
    trace.link([...target, index], at);
    if (!isRecord(field)) return { name: String(field) };
    const name = scalarText(field.name) ?? '';
    const property: Converted<OdcsSchemaProperty> = { name };
    if (typeof field.description === 'string')
      property.description = field.description;
    const type = scalarText(field.type);
    const logicalType = type === undefined ? undefined : logicalTypeOf(type);
    if (logicalType) property.logicalType = logicalType;
    if (type !== undefined) property.physicalType = type;
    const mapped = ['name', 'description', 'type'];
    const kept = [];
    if (Array.isArray(field.constraints)) {
      mapped.push('constraints');
      const unplaced = applyConstraints(property, field.constraints);
      if (unplaced.length > 0)
        kept.push({ property: 'constraints', value: unplaced });
    }
    const partition = partitionedBy.indexOf(name);
    if (partition >= 0) {
      property.partitioned = true;
      property.partitionKeyPosition = partition + 1;
    }
    kept.push(...keepUnmapped(field, mapped));
    addKeptFields(property, kept);
    return property;
  });
}
