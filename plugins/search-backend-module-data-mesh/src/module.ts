import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { DataProductCollatorFactory } from './DataProductCollatorFactory';

/**
 * The search module that indexes data products (type `data-product`) by their contracts'
 * objects, fields and descriptions. Needs the data-mesh backend plugin.
 *
 * @public
 */
export const searchModuleDataMesh = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-mesh-collator',
  register({ registerInit }) {
    registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, discovery, config, scheduler, indexRegistry }) {
        const schedule = config.getOptionalConfig(
          'search.collators.dataMesh.schedule',
        );
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            schedule
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
              : {
                  frequency: { minutes: 10 },
                  timeout: { minutes: 15 },
                  initialDelay: { seconds: 30 },
                },
          ),
          factory: new DataProductCollatorFactory({ auth, discovery }),
        });
      },
    });
  },
});
