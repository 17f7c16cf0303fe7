export { DataProductCard, DATA_PRODUCT_TABS } from './DataProductCard';
