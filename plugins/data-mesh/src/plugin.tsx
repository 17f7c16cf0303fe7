import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import StorageIcon from '@mui/icons-material/Storage';
import {
  accessEntityContent,
  contractEntityContent,
  dataMeshApi,
  dataProductEntityCard,
  dataProductsPage,
  myDataAccessPage,
  myDataAccessRouteRef,
  dataProductSearchResultItem,
  dataProductSearchResultType,
  dataProductsRouteRef,
  governanceEntityContent,
  lineageEntityContent,
  slosEntityContent,
} from './extensions';
import {
  catalogEntityFormFieldExtension,
  governanceFormFieldExtension,
  productNameFormFieldExtension,
} from './scaffolder';

/**
 * The data-mesh plugin for the new frontend system: the Data Products page (and its
 * sidebar entry), My data access, the Contract, SLOs, Lineage, Governance and Access tabs and the overview card of
 * every data product entity, the API client they share, and the scaffolder form field that
 * shows the governance verdict of a new data product while its template's form is filled in.
 * @public
 */
export const dataMeshPlugin = createFrontendPlugin({
  pluginId: 'data-mesh',
  title: 'Data Products',
  icon: <StorageIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: dataProductsRouteRef,
    myAccess: myDataAccessRouteRef,
  },
  extensions: [
    dataMeshApi,
    dataProductsPage,
    contractEntityContent,
    slosEntityContent,
    lineageEntityContent,
    governanceEntityContent,
    accessEntityContent,
    myDataAccessPage,
    dataProductEntityCard,
    governanceFormFieldExtension,
    productNameFormFieldExtension,
    catalogEntityFormFieldExtension,
    dataProductSearchResultItem,
    dataProductSearchResultType,
  ],
});
