import type { OdcsLogicalType } from '../odcs/model';

/** The `logicalTypeOptions` keys ODCS v3.1 defines that sources commonly carry, per logical type. */
const OPTIONS_BY_TYPE: Partial<Record<OdcsLogicalType, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  date: [
    'format',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
  ],
  timestamp: [
    'format',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
  ],
  time: [
    'format',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
  ],
};

/** Whether a value has the type ODCS gives that option for that logical type. */
function optionFits(
  logicalType: OdcsLogicalType,
  key: string,
  value: unknown,
): boolean {
  if (key === 'format' || key === 'pattern') return typeof value === 'string';
  if (logicalType === 'string')
    return Number.isInteger(value) && (value as number) >= 0;
  if (logicalType === 'integer' || logicalType === 'number')
    return typeof value === 'number';
  return typeof value === 'string';
}

/**
 * The constraints among `candidates` that are ODCS `logicalTypeOptions` of `logicalType`
 * (`minLength` of a string, `minimum` of a number, …), with values of the right type. The
 * caller keeps the others elsewhere.
 */
export function pickTypeOptions(
  logicalType: OdcsLogicalType | undefined,
  candidates: Record<string, unknown>,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const key of (logicalType && OPTIONS_BY_TYPE[logicalType]) ?? []) {
    const value = candidates[key];
    if (value !== undefined && optionFits(logicalType!, key, value))
      options[key] = value;
  }
  return options;
}
