import type { OdcsServerType } from '../model';
import { ODCS_SERVER_TYPES } from '../model/lists';
import { Check, Field, reportType, RuleSet, v32 } from './checker';
import { integer, isInteger, matching, text, uri } from './values';

/** A port: a whole number, or from v3.2 also a string such as `${DB_PORT}`. */
const port: Check = (c, value) => {
  if (c.v32) {
    if (!isInteger(value) && typeof value !== 'string') {
      reportType(c, 'a port number, or a string such as `${DB_PORT}`', value);
    }
  } else {
    integer(c, value);
  }
};

const sftpLocation: Check = (c, value) => {
  const before = c.issues.length;
  uri(c, value);
  if (typeof value === 'string' && c.issues.length === before) {
    matching(/^sftp:\/\/.*/, 'an `sftp://` URL')(c, value);
  }
};

type Spec = Record<string, Check | Field>;

/** The keys a server type adds to those of every server, and which of them it requires. */
export interface ServerType {
  fields: Spec;
  required?: string[];
  /** Required up to v3.1 only. */
  requiredBefore32?: string[];
  since32?: boolean;
}

const encoding = v32(text);
const fileFields: Spec = { format: text, delimiter: text, encoding };
const hostPortDatabase: ServerType = {
  fields: { host: text, port, database: text },
  required: ['host', 'port', 'database'],
};
const hostDatabase: ServerType = {
  fields: { host: text, port, database: text },
  required: ['host', 'database'],
};
const hostPortDatabaseSchema: ServerType = {
  fields: { host: text, port, database: text, schema: text },
  required: ['host', 'port', 'database', 'schema'],
};

/**
 * The server types of the standard and the connection keys each defines (`$defs.ServerSource`
 * and its per-type definitions), besides the keys every server has (`server`, `type`,
 * `description`, `environment`, `roles`, `customProperties`). The validator checks servers
 * by it; the converters of other formats place a source's connection fields by it.
 */
export const SERVER_TYPES: Readonly<Record<OdcsServerType, ServerType>> = {
  api: { fields: { location: uri }, required: ['location'] },
  athena: {
    fields: {
      stagingDir: uri,
      schema: text,
      catalog: text,
      regionName: text,
      workgroup: v32(text),
    },
    required: ['schema'],
    requiredBefore32: ['stagingDir'],
  },
  azure: {
    fields: { location: uri, ...fileFields },
    required: ['location', 'format'],
  },
  bigquery: {
    fields: { project: text, dataset: text },
    required: ['project', 'dataset'],
  },
  clickhouse: hostPortDatabase,
  databricks: {
    fields: { host: text, catalog: text, schema: text },
    required: ['catalog', 'schema'],
  },
  denodo: {
    fields: { host: text, port, database: text },
    required: ['host', 'port'],
  },
  dremio: {
    fields: { host: text, port, schema: text },
    required: ['host', 'port'],
  },
  duckdb: { fields: { database: text, schema: text }, required: ['database'] },
  exasol: {
    fields: { host: text, port, schema: text },
    required: ['host'],
    since32: true,
  },
  glue: {
    fields: {
      account: text,
      database: text,
      location: uri,
      format: text,
      encoding,
    },
    required: ['account', 'database'],
  },
  hana: {
    fields: { host: text, port, database: text, schema: text },
    required: ['host'],
    since32: true,
  },
  cloudsql: hostPortDatabaseSchema,
  db2: {
    fields: { host: text, port, database: text, schema: text },
    required: ['host', 'port', 'database'],
  },
  hive: hostDatabase,
  iceberg: {
    fields: {
      catalog: text,
      catalogUrl: uri,
      namespace: text,
      warehouse: text,
    },
    required: ['catalog', 'catalogUrl'],
    since32: true,
  },
  impala: hostDatabase,
  informix: hostDatabase,
  kafka: { fields: { host: text, format: text, encoding }, required: ['host'] },
  kinesis: { fields: { region: text, format: text, encoding } },
  local: {
    fields: { path: text, format: text, encoding },
    required: ['path', 'format'],
  },
  mysql: hostPortDatabase,
  oracle: {
    fields: { host: text, port, serviceName: text },
    required: ['host', 'port', 'serviceName'],
  },
  postgresql: hostPortDatabaseSchema,
  postgres: hostPortDatabaseSchema,
  presto: {
    fields: { host: text, catalog: text, schema: text },
    required: ['host'],
  },
  pubsub: { fields: { project: text }, required: ['project'] },
  redshift: {
    fields: {
      host: text,
      database: text,
      schema: text,
      region: text,
      account: text,
    },
    required: ['database', 'schema'],
  },
  s3: {
    fields: { location: uri, endpointUrl: uri, ...fileFields },
    required: ['location'],
  },
  sftp: {
    fields: { location: sftpLocation, ...fileFields },
    required: ['location'],
  },
  snowflake: {
    fields: {
      host: text,
      port,
      account: text,
      database: text,
      schema: text,
      warehouse: text,
    },
    required: ['account', 'database', 'schema'],
  },
  sqlserver: {
    fields: { host: text, port, database: text, schema: text },
    required: ['host', 'database', 'schema'],
  },
  synapse: hostPortDatabase,
  teradata: {
    fields: { host: text, port, database: text },
    required: ['host'],
    since32: true,
  },
  trino: {
    fields: { host: text, port, catalog: text, schema: text },
    required: ['host', 'port', 'catalog', 'schema'],
  },
  vertica: hostPortDatabaseSchema,
  zen: hostDatabase,
  custom: {
    fields: {
      account: text,
      catalog: text,
      database: text,
      dataset: text,
      delimiter: text,
      endpointUrl: uri,
      format: text,
      encoding,
      host: text,
      location: uri,
      path: text,
      port,
      project: text,
      region: text,
      regionName: text,
      schema: text,
      serviceName: text,
      stagingDir: text,
      warehouse: text,
      stream: text,
    },
  },
};

const V31_SERVER_TYPES = ODCS_SERVER_TYPES.filter(
  type => !SERVER_TYPES[type].since32,
);

/** The server types the rules allow: v3.2 adds `exasol`, `hana`, `iceberg` and `teradata`. */
export function serverTypesOf(rules: RuleSet): readonly OdcsServerType[] {
  return rules === '3.2' ? ODCS_SERVER_TYPES : V31_SERVER_TYPES;
}

/** True when `type` is a server type of the standard (of any version). */
export function isServerType(type: unknown): type is OdcsServerType {
  return (
    typeof type === 'string' &&
    Object.prototype.hasOwnProperty.call(SERVER_TYPES, type)
  );
}

const connectionKeys = new Map<string, readonly string[]>();

/**
 * The connection keys a server of `type` defines under the rules, in the standard's order
 * (`host`, `port`, `database`... for `postgres`; every key for `custom`), or undefined
 * when the rules have no server type of that name.
 */
export function serverConnectionKeys(
  type: string,
  rules: RuleSet,
): readonly string[] | undefined {
  if (!isServerType(type) || !serverTypesOf(rules).includes(type)) {
    return undefined;
  }
  const cacheKey = `${rules} ${type}`;
  let keys = connectionKeys.get(cacheKey);
  if (!keys) {
    keys = Object.entries(SERVER_TYPES[type].fields)
      .filter(
        ([, spec]) =>
          rules === '3.2' || typeof spec === 'function' || !spec.since32,
      )
      .map(([key]) => key);
    connectionKeys.set(cacheKey, keys);
  }
  return keys;
}
