import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { SloEngine } from './SloEngine';

/**
 * Where engines join the data-mesh backend. Without any, SLOs are push-only.
 *
 * @public
 */
export interface DataMeshSloEnginesExtensionPoint {
  /** Adds an engine; its `id` must be unique. */
  addEngine(engine: SloEngine): void;
}

/**
 * The extension point of the data-mesh backend (plugin id `data-mesh`) that SLO engines are
 * added through.
 *
 * @public
 */
export const dataMeshSloEnginesExtensionPoint =
  createExtensionPoint<DataMeshSloEnginesExtensionPoint>({
    id: 'data-mesh.slo-engines',
  });
