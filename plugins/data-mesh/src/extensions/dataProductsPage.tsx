import { Content } from '@backstage/core-components';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import StorageIcon from '@mui/icons-material/Storage';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { dataProductsRouteRef, myDataAccessRouteRef } from './routes';

/** The Data Products page at `/data-products`, with its sidebar entry. */
export const dataProductsPage = PageBlueprint.make({
  params: {
    path: '/data-products',
    title: 'Data Products',
    icon: <StorageIcon fontSize="inherit" />,
    routeRef: dataProductsRouteRef,
    loader: () =>
      import('../components/DataProductsPage').then(m => (
        <Content>
          <m.DataProductsExplorer />
        </Content>
      )),
  },
});

/** "My data access" at `/data-access`: the user's access requests and grants, on every product. */
export const myDataAccessPage = PageBlueprint.make({
  name: 'access',
  params: {
    path: '/data-access',
    title: 'My data access',
    icon: <VpnKeyIcon fontSize="inherit" />,
    routeRef: myDataAccessRouteRef,
    loader: () =>
      import('../components/AccessContent').then(m => (
        <Content>
          <m.MyAccessRequests />
        </Content>
      )),
  },
});
