import type { DriftFinding } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * What the backend observes of a product's data beyond its SLOs: the schema the data really
 * has, and the series it keeps (row counts, null rates per column, the owners' metrics).
 */

/**
 * `GET /api/data-mesh/products/:namespace/:name/drift`: the last schema drift check.
 * @public
 */
export interface SchemaDriftResponse {
  /** When the data's schema was last compared with the contract (ISO 8601). */
  observedAt?: string;
  status: 'pass' | 'fail' | 'error' | 'unknown';
  findings: DriftFinding[];
  /** Why the check could not run, when it errored. */
  error?: string;
}
