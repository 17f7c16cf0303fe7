import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { dataProductFilter } from '../filters';

/** The data product card of the entity overview. */
export const dataProductEntityCard = EntityCardBlueprint.make({
  name: 'data-product',
  params: {
    filter: dataProductFilter,
    loader: () =>
      import('../components/DataProductCard').then(m => <m.DataProductCard />),
  },
});
