/**
 * Personal data: ODCS has no `pii` flag, so the suite reads it from what contracts do write.
 */

/**
 * Classifications that mark a property as personal or sensitive data, compared without
 * case, spaces, `-` or `_` (so `Personal Data`, `personal-data` and `PERSONAL_DATA` match):
 * `pii`, `spi`, `phi`, `personal`, `personaldata`, `sensitive`, `sensitivepersonaldata`,
 * `restricted`, `confidential`, `highlyconfidential`, `secret`.
 * Classifications such as `public` or `internal` do not.
 * @public
 */
export const SENSITIVE_CLASSIFICATIONS: readonly string[] = Object.freeze([
  'pii',
  'spi',
  'phi',
  'personal',
  'personaldata',
  'sensitive',
  'sensitivepersonaldata',
  'restricted',
  'confidential',
  'highlyconfidential',
  'secret',
]);

/**
 * Why a property holds personal data, as `personalDataReason` reports it.
 * @public
 */
export type PersonalDataReason =
  | { source: 'tag'; tag: string }
  | { source: 'customProperty'; value: unknown }
  | { source: 'classification'; classification: string };

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

function isTrue(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value.trim().toLowerCase() === 'true')
  );
}

/**
 * Says why a property holds personal data, or `undefined` when nothing marks it so. Looks,
 * in order, at a `pii` tag (any case), a `customProperties` entry `pii` whose value is
 * `true` or the string "true" (any case), and a sensitive `classification`
 * ({@link SENSITIVE_CLASSIFICATIONS}).
 * @public
 */
export function personalDataReason(
  property:
    | { tags?: unknown; customProperties?: unknown; classification?: unknown }
    | null
    | undefined,
): PersonalDataReason | undefined {
  if (!property || typeof property !== 'object') return undefined;
  const { tags, customProperties, classification } = property;
  if (Array.isArray(tags)) {
    const tag = tags.find(
      t => typeof t === 'string' && t.trim().toLowerCase() === 'pii',
    );
    if (tag !== undefined) return { source: 'tag', tag };
  }
  if (Array.isArray(customProperties)) {
    for (const entry of customProperties) {
      if (
        entry &&
        typeof entry === 'object' &&
        typeof entry.property === 'string' &&
        entry.property.trim().toLowerCase() === 'pii' &&
        isTrue(entry.value)
      ) {
        return { source: 'customProperty', value: entry.value };
      }
    }
  }
  if (
    typeof classification === 'string' &&
    SENSITIVE_CLASSIFICATIONS.includes(squash(classification))
  ) {
    return { source: 'classification', classification };
  }
  return undefined;
}

/**
 * True when a property holds personal data: tagged `pii`, marked by a `pii` custom property
 * set to true, or classified as sensitive. See `personalDataReason`.
 * @public
 */
export function isPersonalData(
  property:
    | { tags?: unknown; customProperties?: unknown; classification?: unknown }
    | null
    | undefined,
): boolean {
  return personalDataReason(property) !== undefined;
}
