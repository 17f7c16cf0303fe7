/**
 * Search for data products by their contracts: install with
 * `backend.add(import('@backstage-data-mesh/plugin-catalog-backend-module-data-mesh/search'))`
 * next to `@backstage/plugin-search-backend-module-catalog`.
 *
 * @packageDocumentation
 */

export { searchModuleDataMeshCollator as default } from './search/searchModule';
export { dataProductSearchTransformer } from './search/dataProductDocument';
