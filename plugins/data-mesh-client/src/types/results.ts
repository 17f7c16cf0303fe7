import type { SloStatus } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The body of `POST /api/data-mesh/results` in the portal's own format
 * (the backend also accepts what `datacontract test --publish <url>` sends).
 * @public
 */
export interface PushResultsRequest {
  /** Identifies the run: pushing the same run id again changes nothing. */
  runId: string;
  /** The data product measured (entity ref, e.g. `component:default/orders`). */
  entityRef: string;
  /** The contract server measured, e.g. `production`. */
  server?: string;
  /**
   * The output port the results are of: one of the contract's servers (its output ports),
   * else the push is refused (400, `/outputPort`). The SLOs tab of a product with several
   * output ports shows each port's SLOs at their latest results.
   */
  outputPort?: string;
  /** ISO 8601. */
  startedAt?: string;
  /** ISO 8601; defaults to when the backend received the run. */
  finishedAt?: string;
  observations: Array<{
    /**
     * The SLO it measures: an id from `GET …/slo` (e.g. `sla:latency`,
     * `quality:orders.order_id:nullValues`), or a quality rule's `id`/`name` in the contract.
     */
    sloId: string;
    status: Exclude<SloStatus, 'unknown'>;
    /** The measured value, when there is one. */
    value?: number;
    /** When it was measured (ISO 8601 with a timezone); the run's `finishedAt` otherwise. */
    observedAt?: string;
    /** What went wrong, for `fail` and `error`. */
    message?: string;
  }>;
}

/**
 * The answer to `POST /api/data-mesh/results`.
 * @public
 */
export interface PushResultsResponse {
  runId: string;
  entityRef: string;
  /** Observations stored by this call (0 when the run was already stored). */
  accepted: number;
  /** True when the run id was seen before and nothing changed. */
  duplicate: boolean;
}

/**
 * The answer to `POST /api/data-mesh/openlineage/api/v1/lineage`.
 * @public
 */
export interface OpenLineageIngestResponse {
  /** The stored event's id. */
  eventId: string;
  /** Dataset-to-dataset edges the event added. */
  edges: number;
  /** Data products the event's datasets matched, by entity ref. */
  matchedProducts: string[];
  /**
   * Observations stored from the datasets' quality facets (`dataQualityAssertions`,
   * `dataQualityMetrics`), by product, for products the caller may push results for.
   */
  qualityResults?: Record<string, number>;
}
