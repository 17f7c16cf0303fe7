import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { dataProductSearchTransformer } from './dataProductDocument';

/**
 * The search module that indexes data products by their contracts' field names and
 * descriptions. Needs `@backstage/plugin-search-backend-module-catalog` in the backend.
 *
 * @public
 */
export const searchModuleDataMeshCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-mesh-catalog-collator',
  register({ registerInit }) {
    registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(dataProductSearchTransformer);
      },
    });
  },
});
