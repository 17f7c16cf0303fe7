/**
 * What the backend observes of a product's data beyond its SLOs: the schema the data really
 * has, and the series it keeps (row counts, null rates per column, the owners' metrics).
 */

/**
 * One way the data's schema departs from the contract:
 * - `missing`: a field of the contract is not in the data (breaks the contract);
 * - `type`: the data holds another type than the contract says (breaks it);
 * - `nullable`: the contract says the field is required, the data allows nulls (breaks it);
 * - `unknown`: the data has a column the contract does not know (a warning);
 * - `missing-object`: a whole table or file of the contract is not there (breaks it).
 * @public
 */
export interface DriftFinding {
  kind: 'missing' | 'type' | 'nullable' | 'unknown' | 'missing-object';
  severity: 'breaking' | 'warning';
  /** The schema object's name in the contract. */
  object: string;
  /** The field's name in the contract; for `unknown`, the column's name in the data. */
  field?: string;
  /** What the contract says (a logical type, `required`). */
  expected?: string;
  /** What the data has (a logical type and the engine's type, `nullable`). */
  actual?: string;
  /** One sentence for people. */
  message: string;
}

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
