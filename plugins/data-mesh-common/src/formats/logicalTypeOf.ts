import type { OdcsLogicalType } from '../odcs/model';
import { ownEntry } from '../parsedValues';

/**
 * ODCS logical types of common type names: DCS field types, SQL and Avro/Parquet names.
 * Looked up by the base name, lower case (`DECIMAL(12,2)` → `decimal`).
 */
const LOGICAL_TYPES: Readonly<Record<string, OdcsLogicalType | null>> = {
  number: 'number',
  decimal: 'number',
  numeric: 'number',
  float: 'number',
  double: 'number',
  real: 'number',
  int: 'integer',
  integer: 'integer',
  long: 'integer',
  bigint: 'integer',
  smallint: 'integer',
  tinyint: 'integer',
  string: 'string',
  text: 'string',
  varchar: 'string',
  char: 'string',
  uuid: 'string',
  bytes: 'string',
  boolean: 'boolean',
  bool: 'boolean',
  timestamp: 'timestamp',
  timestamp_tz: 'timestamp',
  timestamp_ntz: 'timestamp',
  datetime: 'timestamp',
  date: 'date',
  time: 'time',
  array: 'array',
  list: 'array',
  map: 'object',
  object: 'object',
  record: 'object',
  struct: 'object',
  variant: null,
  json: null,
  null: null,
};

/**
 * The ODCS logical type of a type name, or undefined when ODCS has none for it (`variant`,
 * `json`) or the name is unknown. Parameters are ignored: `decimal(12,2)` → `number`.
 */
export function logicalTypeOf(typeName: string): OdcsLogicalType | undefined {
  return ownEntry(LOGICAL_TYPES, baseName(typeName)) ?? undefined;
}

/** True for a type name this table knows (even when ODCS has no logical type for it). */
export function isKnownTypeName(typeName: string): boolean {
  return Object.prototype.hasOwnProperty.call(
    LOGICAL_TYPES,
    baseName(typeName),
  );
}

/** The name without case or parameters: `DECIMAL(12,2)` → `decimal`. */
function baseName(typeName: string): string {
  return typeName
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*$/, '');
}
