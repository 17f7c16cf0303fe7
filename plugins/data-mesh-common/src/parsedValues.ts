/**
 * Reading values out of parsed YAML or JSON, which nothing guarantees the shape of.
 */
/** A plain mapping (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The entry of a lookup table under a key read from a source, or undefined: only the
 * table's own entries count, not the keys every object inherits (`constructor`...).
 */
export function ownEntry<T>(
  table: Readonly<Record<string, T>>,
  key: string,
): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key)
    ? table[key]
    : undefined;
}

/**
 * A scalar written as text: strings as they are, numbers and booleans as YAML writes them
 * (`version: 2.1` parses as a number but means "2.1").
 */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return undefined;
}
