import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  loadGovernancePolicies,
  readAccessSettings,
  scmResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { DataProductProcessor } from './processor/DataProductProcessor';
import { governanceFrom } from './processor/governance';
import { CatalogProductDirectory } from './processor/productDirectory';

/**
 * The catalog module that teaches the catalog what a data product is.
 *
 * @public
 */
export const catalogModuleDataMesh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-mesh',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        auth: coreServices.auth,
        catalogService: catalogServiceRef,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, urlReader, auth, catalogService, catalog }) {
        catalog.addProcessor(
          new DataProductProcessor({
            reader: new SourceReader(urlReader),
            resolveUrl: scmResolveUrl(config),
            directory: new CatalogProductDirectory(catalogService, auth),
            governance: governanceFrom(await loadGovernancePolicies(config)),
            accessSettings: readAccessSettings(config),
            logger,
          }),
        );
      },
    });
  },
});
