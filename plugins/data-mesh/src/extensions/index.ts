export { dataMeshApi } from './dataMeshApi';
export { dataProductEntityCard } from './dataProductCard';
export { dataProductsPage } from './dataProductsPage';
export {
  contractEntityContent,
  governanceEntityContent,
  lineageEntityContent,
  slosEntityContent,
} from './entityContents';
export { dataProductsRouteRef } from './routes';
export {
  dataProductSearchResultItem,
  dataProductSearchResultType,
} from './search';
