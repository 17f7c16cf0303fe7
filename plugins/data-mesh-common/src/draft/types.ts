/**
 * What a domain team says about a new data product when it creates one (the software
 * template's form): the input of {@link draftDataProduct}. Every key is optional so that a
 * half-filled form can be drafted and governed while it is being filled in.
 */
import type { DataProductKind } from '../entity/constants';
import type { OdcsContract } from '../odcs/model';

/**
 * The form of a new data product.
 * @public
 */
export interface DataProductDraftInput {
  /** The entity name, e.g. `orders`. */
  name?: string;
  title?: string;
  /** What the product is for (the contract's purpose). */
  description?: string;
  /** How consumers should use it. */
  usage?: string;
  /** The domain, as a name or entity ref (`sales`, `domain:default/sales`). */
  domain?: string;
  /** The domain's System, as a name or entity ref. */
  system?: string;
  /** The owning group, as a name or entity ref. */
  owner?: string;
  productKind?: DataProductKind | string;
  /** `public`, `internal`, `confidential` or `restricted`. */
  classification?: string;
  /** `experimental` (default), `production` or `deprecated`. */
  lifecycle?: string;
  /** The contract version; 1.0.0 by default. */
  version?: string;
  /** `operational`, `analytical` or `logs`: decides the retention the policies expect. */
  dataCategory?: string;
  /** How to reach the owner: an e-mail address or a URL (chat channel, ticket queue). */
  contact?: string;
  /** Access to the data is audit-logged. */
  auditLogging?: boolean;
  /** The table, view or topic name; derived from `name` when absent. */
  objectName?: string;
  /** The fields (columns) of the product's output; `type` is an ODCS scalar type. */
  fields?: Array<{
    name?: string;
    type?:
      | 'string'
      | 'integer'
      | 'number'
      | 'boolean'
      | 'date'
      | 'timestamp'
      | string;
    /** The type in the data source, e.g. `varchar(64)`; derived from `type` when absent. */
    physicalType?: string;
    description?: string;
    required?: boolean;
    unique?: boolean;
    primaryKey?: boolean;
    /** The field holds personal data. */
    pii?: boolean;
    /** The category of personal data (GDPR/CCPA), e.g. `contact`, `identifier`, `financial`. */
    piiCategory?: string;
    /** The field is encrypted at column level. */
    encrypted?: boolean;
    /** `public`, `internal`, `confidential` or `restricted`, when it differs from the product's. */
    classification?: string;
  }>;
  /**
   * The service levels the product promises. A duration is a number and a unit (`h`, `d`,
   * `y`...), or text such as `24h`; a share is in percent (e.g. 99.5).
   */
  slos?: {
    /** How old the newest data may be. */
    freshness?: { value?: number | string; unit?: string } | string | number;
    /** The share of expected rows present, in percent (e.g. 99.5). */
    completeness?: number | string;
    /** The share of values that are correct, in percent (e.g. 99.5). */
    accuracy?: number | string;
    /** The share of time the data can be read, in percent (e.g. 99.9). */
    availability?: number | string;
    /** How long data is kept. */
    retention?: { value?: number | string; unit?: string } | string | number;
  };
  /**
   * Where the product reads from: an upstream data product (an entity ref, as the form's
   * entity picker returns it), an upstream contract id, or an external source.
   */
  inputPorts?: Array<
    | string
    | {
        name?: string;
        product?: string;
        contractId?: string;
        outputPort?: string;
        type?: string;
        location?: string;
        description?: string;
      }
  >;
  /** Where the product serves its data: one ODCS server. */
  outputPort?: {
    /** The server's name, e.g. `warehouse`. */
    name?: string;
    /** The ODCS server type: `postgres`, `snowflake`, `s3`, `duckdb`, `kafka`... */
    type?: string;
    environment?: string;
    host?: string;
    port?: number | string;
    database?: string;
    schema?: string;
    account?: string;
    warehouse?: string;
    /** Databricks and Glue: the catalog. */
    catalog?: string;
    /** BigQuery: the project and the dataset. */
    project?: string;
    dataset?: string;
    /** For object stores: e.g. `s3://bucket/sales/orders/`. */
    location?: string;
    /** For a `local` server: the file, e.g. `data/orders/orders.parquet`. */
    path?: string;
    /** For file and object stores and topics: `parquet`, `csv`, `json`, `avro`... */
    format?: string;
    /** For a topic: its name. */
    topic?: string;
  };
  tags?: string[];
}

/**
 * A drafted data product: its entity and its ODCS contract, ready to be written as
 * `catalog-info.yaml` and {@link DRAFT_CONTRACT_FILE}.
 * @public
 */
export interface DataProductDraft {
  /** The entity (a `catalog-info.yaml` as an object). */
  entity: {
    apiVersion: 'backstage.io/v1alpha1';
    kind: 'Component';
    metadata: {
      name: string;
      title?: string;
      description?: string;
      tags?: string[];
      annotations: Record<string, string>;
    };
    spec: {
      type: 'data-product';
      lifecycle: string;
      owner: string;
      system?: string;
      dataProduct: {
        kind?: string;
        inputPorts: Array<Record<string, string>>;
      };
    };
  };
  contract: OdcsContract;
  /** The table or topic the contract describes: the form's `objectName`, else one from the name. */
  objectName: string;
}

type Item<T> = NonNullable<T> extends ReadonlyArray<infer I> ? I : never;

/** One field of the form. */
export type DraftField = Item<DataProductDraftInput['fields']>;
/** The logical types a drafted field can have (the ODCS scalar types). */
export type DraftFieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'timestamp';
/** The service levels of the form. */
export type DraftServiceLevels = NonNullable<DataProductDraftInput['slos']>;
/** A duration as the form asks for it. */
export type DraftDuration = NonNullable<DraftServiceLevels['freshness']>;
/** An input port of the form. */
export type DraftInputPort = Item<DataProductDraftInput['inputPorts']>;
/** The output port of the form. */
export type DraftOutputPort = NonNullable<DataProductDraftInput['outputPort']>;
/** The entity of a drafted data product. */
export type DraftEntity = DataProductDraft['entity'];
