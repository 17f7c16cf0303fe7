import { everyOf } from './everyOf';
import type { OdcsCustomProperty } from './common';
import type { OdcsContract } from './contract';

/**
 * The connection keys of each server type, as the standard defines them: a server of type `T`
 * has the keys every server has (see {@link OdcsServer}) and those of
 * `OdcsServerConnections[T]`. `exasol`, `hana`, `iceberg` and `teradata` are v3.2 additions;
 * `postgres` and `postgresql` are the same type. A port is a number or (v3.2) a string such
 * as `${DB_PORT}` resolved at run time.
 * @public
 */
export interface OdcsServerConnections {
  api: {
    /** URL of the API. */
    location: string;
  };
  athena: {
    /** S3 location of query results; required up to v3.1. */
    stagingDir?: string;
    schema: string;
    /** Default `awsdatacatalog`. */
    catalog?: string;
    regionName?: string;
    /** v3.2. */
    workgroup?: string;
  };
  azure: {
    /** e.g. `az://account.blob.core.windows.net/container/path/*.parquet`. */
    location: string;
    format: string;
    /** For `json`: how documents are delimited, `new_line` or `array`. */
    delimiter?: string;
    /** Character encoding of the payloads, e.g. `UTF-8` (v3.2). */
    encoding?: string;
  };
  bigquery: {
    project: string;
    dataset: string;
  };
  clickhouse: {
    host: string;
    port: number | string;
    database: string;
  };
  databricks: {
    host?: string;
    catalog: string;
    schema: string;
  };
  denodo: {
    host: string;
    port: number | string;
    database?: string;
  };
  dremio: {
    host: string;
    port: number | string;
    schema?: string;
  };
  duckdb: {
    /** Path to the database file. */
    database: string;
    schema?: string;
  };
  /** v3.2. */
  exasol: {
    host: string;
    port?: number | string;
    schema?: string;
  };
  glue: {
    account: string;
    database: string;
    location?: string;
    format?: string;
    /** v3.2. */
    encoding?: string;
  };
  /** v3.2. */
  hana: {
    host: string;
    port?: number | string;
    database?: string;
    schema?: string;
  };
  cloudsql: {
    host: string;
    port: number | string;
    database: string;
    schema: string;
  };
  db2: {
    host: string;
    port: number | string;
    database: string;
    schema?: string;
  };
  /** Hive, Impala, Informix and Zen (below): a host and a database. */
  hive: {
    host: string;
    port?: number | string;
    database: string;
  };
  impala: {
    host: string;
    port?: number | string;
    database: string;
  };
  informix: {
    host: string;
    port?: number | string;
    database: string;
  };
  zen: {
    host: string;
    port?: number | string;
    database: string;
  };
  /** v3.2. */
  iceberg: {
    catalog: string;
    /** URL of the REST catalog service. */
    catalogUrl: string;
    /** Dot-separated namespace within the catalog. */
    namespace?: string;
    warehouse?: string;
  };
  kafka: {
    /** Bootstrap server. */
    host: string;
    /** Message format, e.g. `json` (default), `avro`, `protobuf`. */
    format?: string;
    /** v3.2. */
    encoding?: string;
  };
  kinesis: {
    region?: string;
    format?: string;
    /** v3.2. */
    encoding?: string;
  };
  local: {
    path: string;
    format: string;
    /** v3.2. */
    encoding?: string;
  };
  /** MySQL and Synapse (below): host, port and database. */
  mysql: {
    host: string;
    port: number | string;
    database: string;
  };
  synapse: {
    host: string;
    port: number | string;
    database: string;
  };
  oracle: {
    host: string;
    port: number | string;
    serviceName: string;
  };
  /** PostgreSQL (`postgresql`, `postgres`) and Vertica (below): host, port, database and schema. */
  postgresql: {
    host: string;
    port: number | string;
    database: string;
    schema: string;
  };
  postgres: {
    host: string;
    port: number | string;
    database: string;
    schema: string;
  };
  vertica: {
    host: string;
    port: number | string;
    database: string;
    schema: string;
  };
  presto: {
    host: string;
    catalog?: string;
    schema?: string;
  };
  pubsub: {
    project: string;
  };
  redshift: {
    host?: string;
    database: string;
    schema: string;
    region?: string;
    account?: string;
  };
  s3: {
    /** e.g. `s3://bucket/data/*.json`. */
    location: string;
    /** Endpoint of an S3-compatible service. */
    endpointUrl?: string;
    /** File format, e.g. `parquet`, `delta`, `json`, `csv`. */
    format?: string;
    /** For `json`: how documents are delimited, `new_line` or `array`. */
    delimiter?: string;
    /** Character encoding of the payloads, e.g. `UTF-8` (v3.2). */
    encoding?: string;
  };
  sftp: {
    /** `sftp://...` URL. */
    location: string;
    /** File format, e.g. `parquet`, `delta`, `json`, `csv`. */
    format?: string;
    /** For `json`: how documents are delimited, `new_line` or `array`. */
    delimiter?: string;
    /** Character encoding of the payloads, e.g. `UTF-8` (v3.2). */
    encoding?: string;
  };
  snowflake: {
    host?: string;
    port?: number | string;
    account: string;
    database: string;
    schema: string;
    warehouse?: string;
  };
  sqlserver: {
    host: string;
    /** Default 1433. */
    port?: number | string;
    database: string;
    schema: string;
  };
  /** v3.2. */
  teradata: {
    host: string;
    /** Default 1025. */
    port?: number | string;
    database?: string;
  };
  trino: {
    host: string;
    port: number | string;
    catalog: string;
    schema: string;
  };
  /** Any other platform: every connection key is optional. */
  custom: {
    account?: string;
    catalog?: string;
    database?: string;
    dataset?: string;
    endpointUrl?: string;
    host?: string;
    location?: string;
    path?: string;
    port?: number | string;
    project?: string;
    region?: string;
    regionName?: string;
    schema?: string;
    serviceName?: string;
    stagingDir?: string;
    warehouse?: string;
    stream?: string;
    /** File format, e.g. `parquet`, `delta`, `json`, `csv`. */
    format?: string;
    /** For `json`: how documents are delimited, `new_line` or `array`. */
    delimiter?: string;
    /** Character encoding of the payloads, e.g. `UTF-8` (v3.2). */
    encoding?: string;
  };
}

/**
 * A server where the contract's data lives, by type.
 * @public
 */
export type OdcsServer = {
  [T in keyof OdcsServerConnections]: {
    id?: string;
    /** Name of the server, e.g. `production`. */
    server: string;
    type: T;
    description?: string;
    /** e.g. `prod`, `preprod`, `dev`, `uat`. */
    environment?: string;
    roles?: OdcsContract['roles'];
    customProperties?: OdcsCustomProperty[];
  } & OdcsServerConnections[T];
}[keyof OdcsServerConnections];

/** Every server type of the standard, in its order. */
export const ODCS_SERVER_TYPES = everyOf<OdcsServer['type']>()([
  'api',
  'athena',
  'azure',
  'bigquery',
  'clickhouse',
  'databricks',
  'denodo',
  'dremio',
  'duckdb',
  'exasol',
  'glue',
  'hana',
  'cloudsql',
  'db2',
  'hive',
  'iceberg',
  'impala',
  'informix',
  'kafka',
  'kinesis',
  'local',
  'mysql',
  'oracle',
  'postgresql',
  'postgres',
  'presto',
  'pubsub',
  'redshift',
  's3',
  'sftp',
  'snowflake',
  'sqlserver',
  'synapse',
  'teradata',
  'trino',
  'vertica',
  'zen',
  'custom',
] as const);
