import type { OdcsLogicalType } from '../../odcs/model';
import { logicalTypeOf } from '../logicalTypeOf';

/** The field types DCS 0.9–1.2.1 defines (`$defs.FieldType`). */
export const DCS_FIELD_TYPES: readonly string[] = [
  'number',
  'decimal',
  'numeric',
  'int',
  'integer',
  'long',
  'bigint',
  'float',
  'double',
  'string',
  'text',
  'varchar',
  'boolean',
  'timestamp',
  'timestamp_tz',
  'timestamp_ntz',
  'date',
  'time',
  'array',
  'map',
  'object',
  'record',
  'struct',
  'bytes',
  'variant',
  'json',
  'null',
];

/** How a DCS field type reads in ODCS: the logical type, and what the DCS type adds to it. */
export interface DcsTypeMapping {
  /** Absent for types ODCS v3.1 has no logical type for (`variant`, `json`, `null`). */
  logicalType?: OdcsLogicalType;
  /** `timestamp_tz` / `timestamp_ntz` say whether the value carries a time zone. */
  timezone?: boolean;
}

/**
 * Maps a DCS field type to ODCS. The DCS type itself becomes the ODCS `physicalType`, so
 * nothing is lost; `map`, `record` and `struct` read as `object`.
 */
export function mapDcsType(type: string): DcsTypeMapping {
  const lower = type.toLowerCase();
  const logicalType = logicalTypeOf(lower);
  if (lower === 'timestamp_tz') return { logicalType, timezone: true };
  if (lower === 'timestamp_ntz') return { logicalType, timezone: false };
  return logicalType ? { logicalType } : {};
}
