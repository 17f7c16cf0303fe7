/**
 * History sources: results of a product's SLOs from before the backend measured them (another
 * tool's records, an archive), which the backend stores once as history.
 */
import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * One past outcome of one SLO.
 * @public
 */
export interface HistoricalObservation {
  sloId: string;
  status: 'pass' | 'fail' | 'error';
  value?: number;
  /** Shown with the observation, e.g. where it comes from. */
  message?: string;
  /** Milliseconds since the epoch. */
  observedAt: number;
}

/**
 * Where past results of products' SLOs come from. The backend asks each source once per
 * product (its SLOs as the contract promises them) and stores what it gives as history: it
 * counts in attainment, error budgets and charts, never in an SLO's current state or alerts.
 * @public
 */
export interface DataMeshHistorySource {
  /** Names the stored runs (`history:<id>`): a product's history from a source is stored once. */
  id: string;
  /** The product's past results; none when the source has none for it. */
  historyOf(
    product: { entityRef: string; slos: readonly SloDefinition[] },
    options: { now: number },
  ): Promise<HistoricalObservation[]> | HistoricalObservation[];
}

/**
 * Lets a backend module add history sources to the data-mesh backend.
 * @public
 */
export interface DataMeshHistoryExtensionPoint {
  addHistorySource(source: DataMeshHistorySource): void;
}

/**
 * The extension point of {@link DataMeshHistoryExtensionPoint}.
 * @public
 */
export const dataMeshHistoryExtensionPoint =
  createExtensionPoint<DataMeshHistoryExtensionPoint>({
    id: 'data-mesh.history',
  });
