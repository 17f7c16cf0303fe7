import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import StorageIcon from '@mui/icons-material/Storage';

/** The search type the data-mesh collator indexes products under. */
const DATA_PRODUCT_TYPE = 'data-product';

/** Data products found by search, with the lines of their contracts that matched. */
export const dataProductSearchResultItem = SearchResultListItemBlueprint.make({
  name: 'data-product',
  params: {
    predicate: result => result.type === DATA_PRODUCT_TYPE,
    icon: <StorageIcon />,
    component: () =>
      import('../components/DataProductSearchResult').then(
        m => m.DataProductSearchResult as any,
      ),
  },
});

/** "Data products" among the search page's result types. */
export const dataProductSearchResultType = SearchFilterResultTypeBlueprint.make(
  {
    name: 'data-product',
    params: {
      value: DATA_PRODUCT_TYPE,
      name: 'Data products',
      icon: <StorageIcon />,
    },
  },
);
