import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  loadGovernancePolicies,
  ContractParserThreads,
  readAccessSettings,
  scmResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { DataProductProcessor } from './processor/DataProductProcessor';
import { DatabaseContractRecords } from './contracts/ContractRecords';
import { contractRoutes } from './contracts/contractRoutes';
import { removeAbsentRecords } from './contracts/removeAbsentRecords';
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
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        catalogService: catalogServiceRef,
        catalog: catalogProcessingExtensionPoint,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
      },
      async init({
        config,
        logger,
        urlReader,
        auth,
        httpAuth,
        httpRouter,
        database,
        catalogService,
        catalog,
        lifecycle,
        scheduler,
      }) {
        // What the processor reads, kept for the data-mesh backend's replicas (see README).
        const records = await DatabaseContractRecords.create(database);
        httpRouter.use(contractRoutes({ records, httpAuth }));
        // Records of products the catalog no longer holds go, once an hour across instances.
        await scheduler.scheduleTask({
          id: 'data-mesh-contract-records-cleanup',
          frequency: { hours: 1 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 10 },
          scope: 'global',
          fn: async () => {
            await removeAbsentRecords({
              catalog: catalogService,
              auth,
              records,
              logger,
            });
          },
        });
        // Contracts are parsed beside the catalog's thread (dataMesh.catalog.parserThreads).
        const parser = new ContractParserThreads({
          threads: config.getOptionalNumber('dataMesh.catalog.parserThreads'),
          logger,
        });
        lifecycle.addShutdownHook(() => parser.close());
        catalog.addProcessor(
          new DataProductProcessor({
            reader: new SourceReader(urlReader),
            resolveUrl: scmResolveUrl(config),
            directory: new CatalogProductDirectory(catalogService, auth),
            governance: governanceFrom(await loadGovernancePolicies(config)),
            accessSettings: readAccessSettings(config),
            records,
            parser,
            logger,
          }),
        );
      },
    });
  },
});
