import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { dataMeshPlugin } from '../legacyPlugin';
import { CatalogEntityField } from './CatalogEntityField';
import {
  catalogEntityFieldSchema,
  ENTITY_PICKER_FIELD_NAME,
  GOVERNANCE_FIELD_NAME,
  governanceFieldSchema,
  PRODUCT_NAME_FIELD_NAME,
  productNameFieldSchema,
  validateGovernanceVerdict,
} from './formField';
import { GovernanceVerdictField } from './GovernanceVerdictField';
import { ProductNameField } from './ProductNameField';

/**
 * The governance field for apps on the legacy frontend system: put it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder page.
 * @public
 */
export const DataProductGovernanceFieldExtension = dataMeshPlugin.provide(
  createScaffolderFieldExtension({
    name: GOVERNANCE_FIELD_NAME,
    component: GovernanceVerdictField,
    validation: validateGovernanceVerdict,
    schema: governanceFieldSchema.schema,
  }),
);

/**
 * The product name field for apps on the legacy frontend system.
 * @public
 */
export const DataProductNameFieldExtension = dataMeshPlugin.provide(
  createScaffolderFieldExtension({
    name: PRODUCT_NAME_FIELD_NAME,
    component: ProductNameField,
    schema: productNameFieldSchema.schema,
  }),
);

/**
 * The catalog entity field for apps on the legacy frontend system.
 * @public
 */
export const DataProductEntityPickerFieldExtension = dataMeshPlugin.provide(
  createScaffolderFieldExtension({
    name: ENTITY_PICKER_FIELD_NAME,
    component: CatalogEntityField,
    schema: catalogEntityFieldSchema.schema,
  }),
);
