/**
 * Demonstration products: products that show what the portal does with a case (a broken
 * contract, a breached SLO) and that lists leave out unless asked for.
 */

/**
 * The tag that marks a data product as a demonstration.
 * @public
 */
export const DEMO_TAG = 'demo';

/**
 * True for a demonstration product (tagged `DEMO_TAG`).
 * @public
 */
export function isDemoProduct(product: { tags?: readonly string[] }): boolean {
  return (product.tags ?? []).includes(DEMO_TAG);
}
