/**
 * The names the suite writes into and reads from catalog entities: the entity type of a data
 * product, its annotations and the lineage relation types. One place, so the catalog
 * processor, the frontend and the CLI agree.
 */
/**
 * The `spec.type` of a `Component` that is a data product.
 * @public
 */
export const DATA_PRODUCT_TYPE = 'data-product';

/**
 * Annotations a data product's author writes.
 * @public
 */
export const DATA_PRODUCT_ANNOTATIONS = Object.freeze({
  /** The contract file, relative to the entity's `catalog-info.yaml`, or an absolute URL. */
  contract: 'data-mesh/contract',
  /** An optional ODPS product descriptor whose output ports name the product's contracts. */
  odps: 'data-mesh/odps',
} as const);

/**
 * Annotations the catalog processor writes on a data product after reading its contract.
 * Small scalars only: they travel with every entity the catalog lists.
 * @public
 */
export const PROCESSED_ANNOTATIONS = Object.freeze({
  /**
   * Where the contract was read from, as a location reference: `file:/abs/path.yaml`,
   * `url:https://…/contract.yaml`, or `inline` for a contract in `spec.dataProduct.contract`.
   */
  contractSource: 'data-mesh/contract-source',
  /**
   * `valid`; `invalid` (the contract or entity has errors) or `blocked` (an enforced governance
   * policy fails) when the product is shown with its errors because the catalog holds no
   * earlier valid version of it. Once it has one, a change for the worse keeps that version and
   * attaches the errors to it instead.
   */
  contractStatus: 'data-mesh/contract-status',
  /** A hash of the normalised contract; changes exactly when the contract's content does. */
  contractHash: 'data-mesh/contract-hash',
  /**
   * The id of the contract the product serves, so the catalog can find which product serves
   * an id (an id over 200 characters is written as `sha256:` and its hash, which the catalog
   * can still search). Absent while the product has no contract, or when another product
   * already serves that id.
   */
  contractId: 'data-mesh/contract-id',
  /** The governance verdict: `pass`, `warn`, `block`, or `not-evaluated`. */
  governance: 'data-mesh/governance',
  /** The verdict in a sentence, e.g. `9 passed, 1 warns (classification-required)`. */
  governanceSummary: 'data-mesh/governance-summary',
} as const);

/**
 * Lineage relation: the source entity reads data that the target data product serves
 * (downstream → upstream).
 * @public
 */
export const RELATION_CONSUMES_DATA_FROM = 'consumesDataFrom';

/**
 * Lineage relation: the source data product serves data that the target entity reads
 * (upstream → downstream). The reverse of {@link RELATION_CONSUMES_DATA_FROM}.
 * @public
 */
export const RELATION_PROVIDES_DATA_TO = 'providesDataTo';

/**
 * Where a data product sits in the mesh: it serves data as a source system produces it
 * (`source-aligned`), combines other products (`aggregate`), or is shaped for one use
 * (`consumer-aligned`).
 * @public
 */
export type DataProductKind =
  | 'source-aligned'
  | 'aggregate'
  | 'consumer-aligned';

/**
 * The kinds of data product a `spec.dataProduct.kind` may name.
 * @public
 */
export const DATA_PRODUCT_KINDS: readonly DataProductKind[] = Object.freeze([
  'source-aligned',
  'aggregate',
  'consumer-aligned',
]);
