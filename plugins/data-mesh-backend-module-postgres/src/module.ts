import { createBackendModule } from '@backstage/backend-plugin-api';
import { dataMeshSloEnginesExtensionPoint } from '@backstage-data-mesh/plugin-data-mesh-node';
import { postgresEngine } from './postgresEngine';

/**
 * Evaluates SLOs on the PostgreSQL servers of `dataMesh.servers` (those with a
 * `connection`).
 *
 * @public
 */
export const dataMeshModulePostgres = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'postgres',
  register(reg) {
    reg.registerInit({
      deps: { engines: dataMeshSloEnginesExtensionPoint },
      async init({ engines }) {
        engines.addEngine(postgresEngine);
      },
    });
  },
});
