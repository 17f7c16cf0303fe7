import type { OdcsCustomProperty, OdcsStableId } from './common';
import type { OdcsRole } from './team';

/**
 * The server types of the standard. `exasol`, `hana`, `iceberg` and `teradata` are v3.2
 * additions; `postgres` and `postgresql` are the same type.
 * @public
 */
export const ODCS_SERVER_TYPES = [
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
] as const;

/** @public */
export type OdcsServerType = (typeof ODCS_SERVER_TYPES)[number];

/**
 * A network port: a number, or (v3.2) a string such as `${DB_PORT}` resolved at run time.
 * @public
 */
export type OdcsPort = number | string;

/**
 * What every server says, whatever its type.
 * @public
 */
export interface OdcsServerBase {
  id?: OdcsStableId;
  /** Name of the server, e.g. `production`. */
  server: string;
  type: OdcsServerType;
  description?: string;
  /** e.g. `prod`, `preprod`, `dev`, `uat`. */
  environment?: string;
  roles?: OdcsRole[];
  customProperties?: OdcsCustomProperty[];
}

/** Files in object storage or on disk. */
interface OdcsFileLocation {
  /** File format, e.g. `parquet`, `delta`, `json`, `csv`. */
  format?: string;
  /** For `json`: how documents are delimited, `new_line` or `array`. */
  delimiter?: string;
  /** Character encoding of the payloads, e.g. `UTF-8` (v3.2). */
  encoding?: string;
}

/** @public */
export interface OdcsApiServer extends OdcsServerBase {
  type: 'api';
  /** URL of the API. */
  location: string;
}

/** @public */
export interface OdcsAthenaServer extends OdcsServerBase {
  type: 'athena';
  /** S3 location of query results; required up to v3.1. */
  stagingDir?: string;
  schema: string;
  /** Default `awsdatacatalog`. */
  catalog?: string;
  regionName?: string;
  /** v3.2. */
  workgroup?: string;
}

/** @public */
export interface OdcsAzureServer extends OdcsServerBase, OdcsFileLocation {
  type: 'azure';
  /** e.g. `az://account.blob.core.windows.net/container/path/*.parquet`. */
  location: string;
  format: string;
}

/** @public */
export interface OdcsBigQueryServer extends OdcsServerBase {
  type: 'bigquery';
  project: string;
  dataset: string;
}

/** @public */
export interface OdcsClickHouseServer extends OdcsServerBase {
  type: 'clickhouse';
  host: string;
  port: OdcsPort;
  database: string;
}

/** @public */
export interface OdcsDatabricksServer extends OdcsServerBase {
  type: 'databricks';
  host?: string;
  catalog: string;
  schema: string;
}

/** @public */
export interface OdcsDenodoServer extends OdcsServerBase {
  type: 'denodo';
  host: string;
  port: OdcsPort;
  database?: string;
}

/** @public */
export interface OdcsDremioServer extends OdcsServerBase {
  type: 'dremio';
  host: string;
  port: OdcsPort;
  schema?: string;
}

/** @public */
export interface OdcsDuckdbServer extends OdcsServerBase {
  type: 'duckdb';
  /** Path to the database file. */
  database: string;
  schema?: string;
}

/** v3.2. @public */
export interface OdcsExasolServer extends OdcsServerBase {
  type: 'exasol';
  host: string;
  port?: OdcsPort;
  schema?: string;
}

/** @public */
export interface OdcsGlueServer extends OdcsServerBase {
  type: 'glue';
  account: string;
  database: string;
  location?: string;
  format?: string;
  /** v3.2. */
  encoding?: string;
}

/** v3.2. @public */
export interface OdcsHanaServer extends OdcsServerBase {
  type: 'hana';
  host: string;
  port?: OdcsPort;
  database?: string;
  schema?: string;
}

/** @public */
export interface OdcsCloudSqlServer extends OdcsServerBase {
  type: 'cloudsql';
  host: string;
  port: OdcsPort;
  database: string;
  schema: string;
}

/** @public */
export interface OdcsDb2Server extends OdcsServerBase {
  type: 'db2';
  host: string;
  port: OdcsPort;
  database: string;
  schema?: string;
}

/** Hive, Impala, Informix and Zen: a host and a database. @public */
export interface OdcsHostDatabaseServer extends OdcsServerBase {
  type: 'hive' | 'impala' | 'informix' | 'zen';
  host: string;
  port?: OdcsPort;
  database: string;
}

/** v3.2. @public */
export interface OdcsIcebergServer extends OdcsServerBase {
  type: 'iceberg';
  catalog: string;
  /** URL of the REST catalog service. */
  catalogUrl: string;
  /** Dot-separated namespace within the catalog. */
  namespace?: string;
  warehouse?: string;
}

/** @public */
export interface OdcsKafkaServer extends OdcsServerBase {
  type: 'kafka';
  /** Bootstrap server. */
  host: string;
  /** Message format, e.g. `json` (default), `avro`, `protobuf`. */
  format?: string;
  /** v3.2. */
  encoding?: string;
}

/** @public */
export interface OdcsKinesisServer extends OdcsServerBase {
  type: 'kinesis';
  region?: string;
  format?: string;
  /** v3.2. */
  encoding?: string;
}

/** @public */
export interface OdcsLocalServer extends OdcsServerBase {
  type: 'local';
  path: string;
  format: string;
  /** v3.2. */
  encoding?: string;
}

/** MySQL, Synapse: host, port and database. @public */
export interface OdcsHostPortDatabaseServer extends OdcsServerBase {
  type: 'mysql' | 'synapse';
  host: string;
  port: OdcsPort;
  database: string;
}

/** @public */
export interface OdcsOracleServer extends OdcsServerBase {
  type: 'oracle';
  host: string;
  port: OdcsPort;
  serviceName: string;
}

/** PostgreSQL and Vertica: host, port, database and schema. @public */
export interface OdcsPostgresServer extends OdcsServerBase {
  type: 'postgresql' | 'postgres' | 'vertica';
  host: string;
  port: OdcsPort;
  database: string;
  schema: string;
}

/** @public */
export interface OdcsPrestoServer extends OdcsServerBase {
  type: 'presto';
  host: string;
  catalog?: string;
  schema?: string;
}

/** @public */
export interface OdcsPubSubServer extends OdcsServerBase {
  type: 'pubsub';
  project: string;
}

/** @public */
export interface OdcsRedshiftServer extends OdcsServerBase {
  type: 'redshift';
  host?: string;
  database: string;
  schema: string;
  region?: string;
  account?: string;
}

/** @public */
export interface OdcsS3Server extends OdcsServerBase, OdcsFileLocation {
  type: 's3';
  /** e.g. `s3://bucket/data/*.json`. */
  location: string;
  /** Endpoint of an S3-compatible service. */
  endpointUrl?: string;
}

/** @public */
export interface OdcsSftpServer extends OdcsServerBase, OdcsFileLocation {
  type: 'sftp';
  /** `sftp://...` URL. */
  location: string;
}

/** @public */
export interface OdcsSnowflakeServer extends OdcsServerBase {
  type: 'snowflake';
  host?: string;
  port?: OdcsPort;
  account: string;
  database: string;
  schema: string;
  warehouse?: string;
}

/** @public */
export interface OdcsSqlServerServer extends OdcsServerBase {
  type: 'sqlserver';
  host: string;
  /** Default 1433. */
  port?: OdcsPort;
  database: string;
  schema: string;
}

/** v3.2. @public */
export interface OdcsTeradataServer extends OdcsServerBase {
  type: 'teradata';
  host: string;
  /** Default 1025. */
  port?: OdcsPort;
  database?: string;
}

/** @public */
export interface OdcsTrinoServer extends OdcsServerBase {
  type: 'trino';
  host: string;
  port: OdcsPort;
  catalog: string;
  schema: string;
}

/** Any other platform: every connection key is optional. @public */
export interface OdcsCustomServer extends OdcsServerBase, OdcsFileLocation {
  type: 'custom';
  account?: string;
  catalog?: string;
  database?: string;
  dataset?: string;
  endpointUrl?: string;
  host?: string;
  location?: string;
  path?: string;
  port?: OdcsPort;
  project?: string;
  region?: string;
  regionName?: string;
  schema?: string;
  serviceName?: string;
  stagingDir?: string;
  warehouse?: string;
  stream?: string;
}

/**
 * A server where the contract's data lives, by type.
 * @public
 */
export type OdcsServer =
  | OdcsApiServer
  | OdcsAthenaServer
  | OdcsAzureServer
  | OdcsBigQueryServer
  | OdcsClickHouseServer
  | OdcsDatabricksServer
  | OdcsDenodoServer
  | OdcsDremioServer
  | OdcsDuckdbServer
  | OdcsExasolServer
  | OdcsGlueServer
  | OdcsHanaServer
  | OdcsCloudSqlServer
  | OdcsDb2Server
  | OdcsHostDatabaseServer
  | OdcsIcebergServer
  | OdcsKafkaServer
  | OdcsKinesisServer
  | OdcsLocalServer
  | OdcsHostPortDatabaseServer
  | OdcsOracleServer
  | OdcsPostgresServer
  | OdcsPrestoServer
  | OdcsPubSubServer
  | OdcsRedshiftServer
  | OdcsS3Server
  | OdcsSftpServer
  | OdcsSnowflakeServer
  | OdcsSqlServerServer
  | OdcsTeradataServer
  | OdcsTrinoServer
  | OdcsCustomServer;
