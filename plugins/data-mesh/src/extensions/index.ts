export { dataMeshApi } from './dataMeshApi';
export { dataProductEntityCard } from './dataProductCard';
export { dataProductsPage, myDataAccessPage } from './dataProductsPage';
export {
  accessEntityContent,
  contractEntityContent,
  governanceEntityContent,
  lineageEntityContent,
  slosEntityContent,
} from './entityContents';
export { dataProductsRouteRef, myDataAccessRouteRef } from './routes';
export {
  dataProductSearchResultItem,
  dataProductSearchResultType,
} from './search';
