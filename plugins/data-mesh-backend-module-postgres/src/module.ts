import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  dataMeshGrantPlatformsExtensionPoint,
  dataMeshSloEnginesExtensionPoint,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { postgresEngine } from './postgresEngine';
import {
  PostgresGrantPlatform,
  readPostgresGrantServers,
} from './PostgresGrantPlatform';

/**
 * Evaluates SLOs on the PostgreSQL servers of `dataMesh.servers` (those with a
 * `connection`), and applies approved access grants on those configured with `grants`
 * (`GRANT SELECT`, and `REVOKE` when a grant ends).
 *
 * @public
 */
export const dataMeshModulePostgres = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'postgres',
  register(reg) {
    reg.registerInit({
      deps: {
        engines: dataMeshSloEnginesExtensionPoint,
        grants: dataMeshGrantPlatformsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ engines, grants, config, logger, lifecycle }) {
        engines.addEngine(postgresEngine);
        const servers = readPostgresGrantServers(config);
        if (servers.length > 0) {
          const platform = new PostgresGrantPlatform(() => servers, logger);
          grants.addGrantPlatform(platform);
          lifecycle.addShutdownHook(() => platform.close());
        }
      },
    });
  },
});
