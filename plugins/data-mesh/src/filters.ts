import { isDataProductEntity } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Entity } from '@backstage/catalog-model';

/**
 * The entities the data-mesh tabs and card are shown for, as an entity predicate (the form
 * the new frontend system's `filter` takes, and what app-config can override): a
 * `Component` whose `spec.type` is `data-product`. Values compare without case.
 * @public
 */
export const dataProductFilter = {
  kind: 'component',
  'spec.type': 'data-product',
} as const;

/**
 * True for a data product entity. The condition for legacy apps:
 * `<EntityLayout.Route path="/contract" title="Contract" if={isDataProduct}>`.
 * @public
 */
export function isDataProduct(entity: Entity): boolean {
  return isDataProductEntity(entity);
}
