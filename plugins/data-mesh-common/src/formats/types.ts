import type { ContractIssue } from '../issues';
import type { OdcsContract } from '../odcs/model';

/**
 * The contract and product formats the suite reads.
 *
 * - `odcs`: Open Data Contract Standard (v3.x is read; v2.x is recognised and refused).
 * - `dcs`: Data Contract Specification 0.9–1.2.1, converted to ODCS.
 * - `datamesh-v1`: `apiVersion: datamesh/v1`, `kind: DataContract`, converted to ODCS.
 * - `data-product-yaml`: the `data_product.yaml` shape, converted to ODCS.
 * - `odps`: Open Data Product Standard product descriptor (a product, not a contract).
 * - `unknown`: none of the above.
 *
 * @public
 */
export type ContractFormat =
  | 'odcs'
  | 'dcs'
  | 'datamesh-v1'
  | 'data-product-yaml'
  | 'odps'
  | 'unknown';

/**
 * Where each part of a converted contract came from: JSON pointer in the converted ODCS
 * contract → JSON pointer in the source document. Lets an issue found in the converted
 * contract be reported at the line of the source value a person has to edit.
 *
 * @public
 */
export type ContractOrigins = ReadonlyMap<string, string>;

/**
 * The result of converting a source document of another format into the ODCS model.
 *
 * @public
 */
export interface ContractConversion {
  /** The converted contract: every source field is either mapped or kept in `customProperties`. */
  contract: OdcsContract;
  /** What the conversion noticed, with JSON pointers into the SOURCE document. */
  issues: ContractIssue[];
  /** Converted pointer → source pointer, for the parts the conversion placed. */
  origins: ContractOrigins;
}

/**
 * An ODCS object as a converter builds it: only keys of the model, each holding what the
 * source wrote. Whether the values fit the model is the validator's call, on the result.
 */
export type Converted<T> = { [K in keyof T]?: unknown };
