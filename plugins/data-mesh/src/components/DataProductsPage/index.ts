export { DataProductsExplorer } from './DataProductsExplorer';
export { DataProductsPage } from './DataProductsPage';
