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

/** Text that is a non-empty string after trimming, else undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}
