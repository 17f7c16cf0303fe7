import { personalDataReason } from '../pii';
import type { OdcsCustomProperty } from '../odcs/model';
import type { Partly } from './types';

/** Reads a custom property by name (case-insensitive), as ODCS stores them in a list. */
export function customProperty(
  list: readonly Partly<OdcsCustomProperty>[] | undefined,
  name: string,
): unknown {
  if (!Array.isArray(list)) return undefined;
  const wanted = name.toLowerCase();
  for (const entry of list) {
    if (
      typeof entry?.property === 'string' &&
      entry.property.toLowerCase() === wanted
    ) {
      return entry.value;
    }
  }
  return undefined;
}

/** True for `true`, `"true"`, `"True"`, `"yes"`. */
export function isTruthyFlag(value: unknown): boolean {
  if (value === true) return true;
  return (
    typeof value === 'string' &&
    ['true', 'yes'].includes(value.trim().toLowerCase())
  );
}

/**
 * Whether a property is marked as personal data by an explicit marker (a `pii` tag or a `pii`
 * custom property set to true), by the suite's one PII rule. A sensitive classification is
 * compared separately, as a classification change.
 */
export function hasPiiMarker(property: {
  tags?: unknown;
  customProperties?: unknown;
}): boolean {
  return (
    personalDataReason({
      tags: property.tags,
      customProperties: property.customProperties,
    }) !== undefined
  );
}
