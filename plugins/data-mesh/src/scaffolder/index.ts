export { GovernanceVerdictField } from './GovernanceVerdictField';
export type { GovernanceVerdictFieldOptions } from './GovernanceVerdictField';
export {
  ENTITY_PICKER_FIELD_NAME,
  GOVERNANCE_FIELD_NAME,
  PRODUCT_NAME_FIELD_NAME,
} from './formField';
export {
  catalogEntityFormFieldExtension,
  governanceFormFieldExtension,
  productNameFormFieldExtension,
} from './extension';
export { ProductNameField } from './ProductNameField';
export type { ProductNameFieldOptions } from './ProductNameField';
export { CatalogEntityField } from './CatalogEntityField';
export type { CatalogEntityFieldOptions } from './CatalogEntityField';
