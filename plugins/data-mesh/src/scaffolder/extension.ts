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
