import type { OdcsCustomProperty } from '../odcs/model';

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
): OdcsCustomProperty[] {
  const known = new Set(mapped);
  const kept: OdcsCustomProperty[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (known.has(key) || value === undefined) continue;
    kept.push({ property: prefix ? `${prefix}.${key}` : key, value });
  }
  return kept;
}

/** Adds custom properties to a converted object, creating the list only when there are any. */
export function addKeptFields(
  target: { customProperties?: unknown },
  fields: readonly OdcsCustomProperty[],
): void {
  if (fields.length === 0) return;
  const present = target.customProperties;
  target.customProperties = [
    ...(Array.isArray(present) ? present : []),
    ...fields,
  ];
}
