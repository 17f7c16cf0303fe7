import type {
  ContractIssue,
  GovernanceHealth,
  OdcsContract,
  SloHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * One data product as the explorer lists it (`GET /api/data-mesh/products`).
 * @public
 */
export interface DataProductSummary {
  /** Full entity reference, lower case (`productRef`), e.g. `component:default/orders`. */
  entityRef: string;
  name: string;
  namespace: string;
  title?: string;
  description?: string;
  /** Entity ref of the product's Domain (`productDomain`), e.g. `domain:default/sales`. */
  domain?: string;
  /** Entity ref of the product's System, e.g. `system:default/retail`. */
  system?: string;
  /** Entity ref of the owner, e.g. `group:default/analytics`. */
  owner?: string;
  /** `source-aligned`, `aggregate` or `consumer-aligned`. */
  productKind?: 'source-aligned' | 'aggregate' | 'consumer-aligned';
  /**
   * The level access is decided by: the strictest classification written on the entity or
   * in the contract (`public` … `secret`).
   */
  classification?: string;
  /**
   * What the caller may see: `read` false means the product's data (SLO status and values,
   * freshness, history, examples) is withheld, and `sloHealth` is `unknown`.
   */
  access: {
    read: boolean;
    /** The product's owners (entity refs): whom to ask for access. */
    owners: string[];
  };
  /** `experimental`, `production`, `deprecated`... */
  lifecycle?: string;
  /** The contract's version. */
  version?: string;
  sloHealth: SloHealth;
  /** When the data last changed, and how old it may be (from the freshness SLO), when known. */
  freshness?: {
    /** ISO 8601. */
    lastUpdatedAt?: string;
    maxAgeSeconds?: number;
  };
  /**
   * The product's governance verdict in one word: the backend's one verdict of the product, as
   * the Governance tab shows it in full (for this caller: see `governanceWithheld`).
   */
  governance: GovernanceHealth;
  /** When that verdict was evaluated (ISO 8601); absent when it was not. */
  governanceEvaluatedAt?: string;
  /**
   * How many policy results the verdict leaves out for this caller, who may not read the
   * product's data: the policies that read its quality results.
   */
  governanceWithheld?: number;
  /** Every property name of the contract's schema, `object.property`, for search. */
  fieldNames: string[];
  tags: string[];
}

/**
 * A server of the product's contract, without credentials (contracts never carry them).
 * @public
 */
export interface DataProductServer {
  /** The server's name in the contract, e.g. `production`. */
  server: string;
  type: string;
  environment?: string;
  description?: string;
  /** A human-readable location: `host:port/database.schema`, a path or a URL. */
  location?: string;
  /** True when the backend has connection settings for it and evaluates SLOs there. */
  evaluated: boolean;
  /**
   * When not evaluated, why not, in words an owner can act on (e.g. that the portal does not
   * measure servers of its type, or has no connection settings for it).
   */
  notEvaluatedBecause?: string;
}

/**
 * One data product with everything its page shows besides the contract itself
 * (`GET /api/data-mesh/products/:namespace/:name`).
 * @public
 */
export interface DataProductDetails extends DataProductSummary {
  ports: Array<{
    name: string;
    direction: 'input' | 'output';
    /** The data product at the other end, when the port names one (entity ref). */
    product?: string;
    /** The contract id at the other end, when the port names one. */
    contractId?: string;
    /** The output port of the other product, when named. */
    outputPort?: string;
    /** For external sources or served locations: kind and location, e.g. `kafka-topic`, `orders.v1`. */
    type?: string;
    location?: string;
  }>;
  servers: DataProductServer[];
  contractRef?: {
    /** The `data-mesh/contract` annotation value, or `inline` for `spec.dataProduct.contract`. */
    location: string;
    /** The contract's `id`. */
    id?: string;
    /** Name of the format the contract was written in, e.g. `odcs`, `dcs`, `datamesh-v1`. */
    format?: string;
  };
  /** Problems met while reading the product: catalog processing errors, contract issues. */
  processingErrors: ContractIssue[];
}

/**
 * The product's contract (`GET /api/data-mesh/products/:namespace/:name/contract`).
 * @public
 */
export interface DataProductContractResponse {
  /** Name of the format the contract was written in, e.g. `odcs`, `dcs`, `datamesh-v1`. */
  format: string;
  /** The contract, normalised to ODCS v3.1; absent when it could not be read. */
  contract?: OdcsContract;
  /** The contract file's text as written; left out for callers who may not read the product's data. */
  source?: string;
  /**
   * True when what reveals the data itself (examples, the source text) was left out because
   * the caller may discover the product but not read its data.
   */
  redacted?: boolean;
  /** Where the source came from (file path or URL), when known. */
  location?: string;
  issues: ContractIssue[];
}

/**
 * `GET /api/data-mesh/products?offset=&limit=&q=&domain=&owner=&mine=&classification=&kind=&health=&governance=&sort=&direction=`:
 * one page of the products the caller may discover that match the filters, filtered, sorted
 * and paged in the backend's database. `health` and sorting by health or freshness count a
 * product's data only where the caller may read it (elsewhere its health is `restricted`).
 * @public
 */
export interface DataProductListResponse {
  items: DataProductSummary[];
  /** How many products match the filters in all. */
  total: number;
  offset: number;
  limit: number;
  /** The values the filters may take among the products the caller may discover. */
  facets: {
    domains: string[];
    owners: string[];
    productKinds: string[];
    classifications: string[];
  };
  /**
   * Among the products the caller may discover, whatever the filters: how many are not
   * demonstrations (`all`), how many of those the caller's teams own (`mine`), and how many
   * are demonstrations (`demos`).
   */
  counts: { all: number; mine: number; demos: number };
}

/**
 * The query of a product listing (see {@link DataProductListResponse}).
 * @public
 */
export interface DataProductListQuery {
  offset?: number;
  /** At most 500 (default 100). */
  limit?: number;
  /** Words that must all appear in the name, title, description, tags or field names. */
  q?: string;
  domain?: string;
  owner?: string;
  /** Only the products of the caller's own teams. */
  mine?: boolean;
  /** `false` leaves out demonstration products (tagged `demo`); they are listed by default. */
  demos?: boolean;
  classification?: string;
  kind?: string;
  health?: SloHealth | 'restricted';
  governance?: GovernanceHealth;
  sort?:
    | 'name'
    | 'domain'
    | 'owner'
    | 'productKind'
    | 'classification'
    | 'sloHealth'
    | 'governance'
    | 'freshness';
  direction?: 'asc' | 'desc';
}

/**
 * A data product as search indexes it (`GET /api/data-mesh/search/documents`): what its
 * contract says, for the products the caller may discover. The search module indexes them
 * with `data-mesh.product.discover` as the visibility permission, so each user finds only
 * the products they may discover.
 * @public
 */
export interface DataProductSearchDocument {
  title: string;
  /** The entity's description, then the contract's name, purpose, objects and fields. */
  text: string;
  /**
   * The product's Contract tab in the portal, e.g.
   * `/catalog/default/component/orders/contract`: never the catalog's own location
   * of the entity, whose document search shows by the catalog's permission.
   */
  location: string;
  entityRef: string;
  owner?: string;
  domain?: string;
  classification?: string;
  /** The permission resource: search asks whether the user may discover it. */
  authorization: { resourceRef: string };
}

/**
 * `GET /api/data-mesh/search/documents?offset=&limit=`.
 * @public
 */
export interface DataProductSearchDocumentsResponse {
  items: DataProductSearchDocument[];
  /** How many documents there are in all. */
  total: number;
}

/**
 * What the catalog processor read of one data product, as the data-mesh catalog module keeps
 * it for the data-mesh backend (`POST /api/catalog/data-mesh/contracts`): every replica of the
 * backend reads contracts from here, never from their source, so a contract is read from its
 * source once per change.
 * @public
 */
export interface RecordedProductContract {
  entityRef: string;
  /** Changes exactly when the normalised contract does; absent when none was read. */
  contractHash?: string;
  /** `odcs`, `dcs`, `datamesh-v1`…, or `unknown` when nothing could be read. */
  format: string;
  /** Where it was read, without host paths: `./contract.yaml` beside the catalog file, a URL, `inline`. */
  location?: string;
  /** The normalised contract. */
  contract?: OdcsContract;
  /** The text as written. */
  source?: string;
  /** What was wrong with it (located, with what to do). */
  issues: ContractIssue[];
  /** When the processor read it (ms since the epoch). */
  readAt: number;
}

/**
 * `POST /api/catalog/data-mesh/contracts` with `{ entityRefs }` (at most 500): the recorded
 * contracts of those products the catalog module holds one for.
 * @public
 */
export interface RecordedProductContractsResponse {
  items: RecordedProductContract[];
}
