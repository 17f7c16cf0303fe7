import type { Entity } from '@backstage/catalog-model';
import type {
  ClassificationLevel,
  ContractIssue,
  OdcsContract,
  ProductAccess,
  SloDefinition,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * A data product as the backend works with it: its catalog entity, the catalog facts the
 * API shows, and its contract read and normalised, with the SLOs the contract promises.
 */
export interface DataProduct {
  entity: Entity;
  entityRef: string;
  name: string;
  namespace: string;
  title?: string;
  description?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  tags: string[];
  productKind?: 'source-aligned' | 'aggregate' | 'consumer-aligned';
  /** The level access is decided by: the strictest classification of entity and contract. */
  classification: ClassificationLevel;
  /** Who may discover, read and write the product (data-mesh-common's access model). */
  access: ProductAccess;
  contract?: OdcsContract;
  /** `odcs`, `dcs`, `datamesh-v1`... */
  format: string;
  /** The contract's text as written. */
  contractText?: string;
  /** Where the contract was read from: `file:/…`, `url:…` or `inline`. */
  location?: string;
  /** Directory of a contract file, for server paths written relative to it. */
  contractDirectory?: string;
  issues: ContractIssue[];
  slos: SloDefinition[];
}

/**
 * The mesh's data products with their contracts: the catalog's data products as the backend
 * serves them.
 */
export interface ProductCatalog {
  /** Every data product, in one catalog call (cached briefly). */
  listProducts(): Promise<DataProduct[]>;
  /** One data product by entity ref, or undefined. */
  getProduct(entityRef: string): Promise<DataProduct | undefined>;
}
