import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createDataMeshActions } from './actions';
import { withPlainFailures } from './actions/plainFailures';
import { DataMeshApiClient } from './governance/DataMeshApiClient';
import { ensurePublishedLocation } from './publish/publishLocation';
import { readScaffolderConfig } from './config';

/**
 * The data-mesh module of the scaffolder: the actions that create data products.
 *
 * @public
 */
export const scaffolderModuleDataMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'data-mesh',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolder,
        config,
        discovery,
        auth,
        logger,
        userInfo,
        catalog,
      }) {
        const settings = readScaffolderConfig(config);
        const client = new DataMeshApiClient({ discovery, auth });
        scaffolder.addActions(
          ...createDataMeshActions({
            evaluator: client,
            contracts: client,
            catalog,
            userInfo,
            publish: settings.publish,
          }).map(action => withPlainFailures(action, logger)),
        );
        if (settings.publish) {
          await ensurePublishedLocation(settings.publish.publishDir);
        } else {
          logger.info(
            'data-mesh:publish:local and data-mesh:catalog:register are off: set dataMesh.scaffolder.publishDir to publish products to a local folder',
          );
        }
      },
    });
  },
});
