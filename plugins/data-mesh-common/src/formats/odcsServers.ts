/**
 * ODCS v3.1 server types and the connection fields each type defines (`$defs.ServerSource`),
 * besides the fields every server has (`server`, `type`, `description`, `environment`,
 * `roles`, `customProperties`). A converter puts a source field in the ODCS server when the
 * type defines it, and in `customProperties` otherwise.
 */
const SERVER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  api: ['location'],
  athena: ['stagingDir', 'schema', 'catalog', 'regionName'],
  azure: ['location', 'format', 'delimiter'],
  bigquery: ['project', 'dataset'],
  clickhouse: ['host', 'port', 'database'],
  cloudsql: ['host', 'port', 'database', 'schema'],
  custom: [
    'account',
    'catalog',
    'database',
    'dataset',
    'delimiter',
    'endpointUrl',
    'format',
    'host',
    'location',
    'path',
    'port',
    'project',
    'region',
    'regionName',
    'schema',
    'serviceName',
    'stagingDir',
    'warehouse',
    'stream',
  ],
  databricks: ['host', 'catalog', 'schema'],
  db2: ['host', 'port', 'database', 'schema'],
  denodo: ['host', 'port', 'database'],
  dremio: ['host', 'port', 'schema'],
  duckdb: ['database', 'schema'],
  glue: ['account', 'database', 'location', 'format'],
  hive: ['host', 'port', 'database'],
  impala: ['host', 'port', 'database'],
  informix: ['host', 'port', 'database'],
  kafka: ['host', 'format'],
  kinesis: ['region', 'format'],
  local: ['path', 'format'],
  mysql: ['host', 'port', 'database'],
  oracle: ['host', 'port', 'serviceName'],
  postgres: ['host', 'port', 'database', 'schema'],
  postgresql: ['host', 'port', 'database', 'schema'],
  presto: ['host', 'catalog', 'schema'],
  pubsub: ['project'],
  redshift: ['host', 'database', 'schema', 'region', 'account'],
  s3: ['location', 'endpointUrl', 'format', 'delimiter'],
  sftp: ['location', 'format', 'delimiter'],
  snowflake: ['host', 'port', 'account', 'database', 'schema', 'warehouse'],
  sqlserver: ['host', 'port', 'database', 'schema'],
  synapse: ['host', 'port', 'database'],
  trino: ['host', 'port', 'catalog', 'schema'],
  vertica: ['host', 'port', 'database', 'schema'],
  zen: ['host', 'port', 'database'],
};

/** The ODCS server type for a source type: the same name when ODCS has it, else `custom`. */
export function odcsServerType(type: string): string {
  const lower = type.toLowerCase();
  return lower in SERVER_FIELDS ? lower : 'custom';
}

/** The connection fields an ODCS server of `type` defines. */
export function odcsServerFields(type: string): readonly string[] {
  return SERVER_FIELDS[type] ?? [];
}
