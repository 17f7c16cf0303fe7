/**
 * Data products in Backstage: the Data Products explorer, and the Contract, SLOs, Lineage
 * and Governance tabs and overview card of every data product entity.
 *
 * The default export is the plugin for the new frontend system (added by feature discovery
 * when the app depends on this package). Apps on the legacy frontend system import from
 * `@backstage-data-mesh/plugin-data-mesh/legacy`.
 *
 * @packageDocumentation
 */

export { dataMeshPlugin as default } from './plugin';
export { dataMeshApiRef } from './api';
export { dataProductFilter, isDataProduct } from './filters';
export {
  CatalogEntityField,
  ENTITY_PICKER_FIELD_NAME,
  GOVERNANCE_FIELD_NAME,
  GovernanceVerdictField,
  PRODUCT_NAME_FIELD_NAME,
  ProductNameField,
  catalogEntityFormFieldExtension,
  governanceFormFieldExtension,
  productNameFormFieldExtension,
} from './scaffolder';
export type {
  CatalogEntityFieldOptions,
  GovernanceVerdictFieldOptions,
  ProductNameFieldOptions,
} from './scaffolder';
