import { Content } from '@backstage/core-components';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import StorageIcon from '@mui/icons-material/Storage';
import { dataProductsRouteRef } from './routes';

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
