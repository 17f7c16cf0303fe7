/**
 * Names of a drafted product: entity names from refs, object names from product names.
 */

/** The name part of an entity ref or a plain name: `domain:default/sales` → `sales`. */
export function refName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const slash = trimmed.lastIndexOf('/');
  const afterNamespace = slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
  const colon = afterNamespace.indexOf(':');
  return (
    (colon >= 0 ? afterNamespace.slice(colon + 1) : afterNamespace) || undefined
  );
}

/** A table or topic name from a product name: `daily-orders` → `daily_orders`. */
export function objectNameOf(productName: string): string {
  return productName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * What a new product's catalog name must look like: lower-case letters and digits, words
 * joined by single hyphens, at most 63 characters (as the software templates ask).
 * @public
 */
export const PRODUCT_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** @public */
export const PRODUCT_NAME_MAX_LENGTH = 63;

/**
 * The catalog name a product with this title gets: `UX Checkout Events` →
 * `ux-checkout-events`; accents dropped, anything else between words a single hyphen, cut
 * to `PRODUCT_NAME_MAX_LENGTH` at a word boundary. Empty when the title has no letter
 * or digit.
 * @public
 */
export function productNameOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let name = '';
  for (const word of words) {
    const next = name ? `${name}-${word}` : word;
    if (next.length > PRODUCT_NAME_MAX_LENGTH) break;
    name = next;
  }
  return name || (words[0] ?? '').slice(0, PRODUCT_NAME_MAX_LENGTH);
}

/**
 * True when `name` can be a new product's catalog name (see `PRODUCT_NAME_PATTERN`).
 * @public
 */
export function isProductName(name: string): boolean {
  return (
    name.length <= PRODUCT_NAME_MAX_LENGTH && PRODUCT_NAME_PATTERN.test(name)
  );
}

/**
 * What the form says about a new product's catalog name as it is written: the name the
 * product's title suggests (`productNameOf`; empty without a title), and, when the name
 * cannot be a catalog name (`isProductName`), a hint in words saying what it may be made of,
 * with the suggestion as an example when it differs from the name.
 * @public
 */
export function productNameAdvice(
  name: string,
  title?: string,
): { suggestion: string; problem?: string } {
  const suggestion = title ? productNameOf(title) : '';
  if (isProductName(name)) return { suggestion };
  return {
    suggestion,
    problem: `Use lower-case letters and digits, words joined by single hyphens${
      suggestion && suggestion !== name ? `, e.g. ${suggestion}` : ''
    }.`,
  };
}

/** Text that is a non-empty string after trimming, else undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}
