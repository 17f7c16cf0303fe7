/**
 * The data-mesh plugin for apps on the legacy frontend system (`createApp` from
 * `@backstage/app-defaults`): the plugin, its page and entity extensions, and the
 * `isDataProduct` condition for `EntityLayout.Route` and `EntitySwitch.Case`.
 *
 * @packageDocumentation
 */

export {
  DataProductsPage,
  EntityDataProductAccessContent,
  EntityDataProductCard,
  EntityDataProductContractContent,
  EntityDataProductGovernanceContent,
  EntityDataProductLineageContent,
  EntityDataProductSlosContent,
  MyDataAccessPage,
  dataMeshPlugin,
} from './legacyPlugin';
export { DataProductsSidebarItem } from './components/DataProductsSidebarItem';
export { dataMeshApiRef } from './api';
export { dataProductFilter, isDataProduct } from './filters';
export {
  CatalogEntityField,
  ENTITY_PICKER_FIELD_NAME,
  GOVERNANCE_FIELD_NAME,
  GovernanceVerdictField,
  PRODUCT_NAME_FIELD_NAME,
  ProductNameField,
} from './scaffolder';
export type {
  CatalogEntityFieldOptions,
  GovernanceVerdictFieldOptions,
  ProductNameFieldOptions,
} from './scaffolder';
export {
  DataProductEntityPickerFieldExtension,
  DataProductGovernanceFieldExtension,
  DataProductNameFieldExtension,
} from './scaffolder/legacyExtension';
