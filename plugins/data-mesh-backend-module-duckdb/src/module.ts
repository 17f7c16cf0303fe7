import { createBackendModule } from '@backstage/backend-plugin-api';
import { dataMeshSloEnginesExtensionPoint } from '@backstage-data-mesh/plugin-data-mesh-node';
import { duckDbEngine } from './duckDbEngine';

/**
 * Evaluates SLOs with DuckDB on the files and DuckDB databases of `dataMesh.servers` that
 * name a `directory`.
 *
 * @public
 */
export const dataMeshModuleDuckDb = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'duckdb',
  register(reg) {
    reg.registerInit({
      deps: { engines: dataMeshSloEnginesExtensionPoint },
      async init({ engines }) {
        engines.addEngine(duckDbEngine);
      },
    });
  },
});
