import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * Adds the governance field to the scaffolder of the new frontend system.
 * @alpha
 */
export const governanceFormFieldExtension = FormFieldBlueprint.make({
  name: 'data-product-governance',
  params: {
    field: () => import('./formField').then(m => m.governanceFormField),
  },
});

/**
 * Adds the product name field (suggested from the title) to the new frontend system.
 * @alpha
 */
export const productNameFormFieldExtension = FormFieldBlueprint.make({
  name: 'data-product-name',
  params: {
    field: () => import('./formField').then(m => m.productNameFormField),
  },
});

/**
 * Adds the catalog entity field (titles, a domain's systems, the user's team) to the new
 * frontend system.
 * @alpha
 */
export const catalogEntityFormFieldExtension = FormFieldBlueprint.make({
  name: 'data-product-entity-picker',
  params: {
    field: () => import('./formField').then(m => m.catalogEntityFormField),
  },
});
