/** An ODCS custom property: a key/value pair the standard has no field for. */
export interface KeptField {
  property: string;
  value: unknown;
}

/**
 * The entries of `source` a converter did not map, in source order, as ODCS custom
 * properties. A key keeps its source name; `prefix` names the source object when it has no
 * `customProperties` of its own in ODCS (`servicelevels.latency` + `sourceTimestampField`
 * → `servicelevels.latency.sourceTimestampField`).
 */
export function keepUnmapped(
  source: Record<string, unknown>,
  mapped: Iterable<string>,
  prefix?: string,
): KeptField[] {
  const known = new Set(mapped);
  const kept: KeptField[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (known.has(key) || value === undefined) continue;
    kept.push({ property: prefix ? `${prefix}.${key}` : key, value });
  }
  return kept;
}

/** Adds custom properties to a converted object, creating the list only when there are any. */
export function addKeptFields(
  target: { customProperties?: unknown[] },
  fields: readonly KeptField[],
): void {
  if (fields.length === 0) return;
  target.customProperties = [...(target.customProperties ?? []), ...fields];
}
