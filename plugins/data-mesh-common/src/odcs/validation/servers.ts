import { ODCS_SERVER_TYPES } from '../model';
import {
  Check,
  checkShape,
  Checker,
  extendShape,
  Field,
  isMapping,
  reportType,
  Shape,
  shape,
  v32,
} from './checker';
import { customProperties } from './common';
import { roles } from './team';
import {
  integer,
  isInteger,
  listOf,
  matching,
  oneOf,
  stableId,
  text,
  uri,
} from './values';

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

/** The keys each server type adds, and which of them it requires. */
interface ServerType {
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

const SERVER_TYPES: Readonly<
  Record<(typeof ODCS_SERVER_TYPES)[number], ServerType>
> = {
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

const serverType: Check = (c, value) => {
  if (
    !c.v32 &&
    typeof value === 'string' &&
    SERVER_TYPES[value as keyof typeof SERVER_TYPES]?.since32
  ) {
    c.report(
      'enum',
      `server type \`${value}\` is an ODCS v3.2 feature, and this contract declares an earlier apiVersion; declare \`apiVersion: v3.2.0\` to use it`,
    );
    return;
  }
  oneOf(c.v32 ? ODCS_SERVER_TYPES : V31_SERVER_TYPES)(c, value);
};

const base = shape(
  'server',
  {
    id: stableId,
    server: text,
    type: serverType,
    description: text,
    environment: text,
    roles,
    customProperties,
  },
  { required: ['server', 'type'] },
);

/** Every key some server type takes, to stay quiet about them when the type is wrong. */
const CONNECTION_KEYS = new Set(
  Object.values(SERVER_TYPES).flatMap(type => Object.keys(type.fields)),
);

const shapes = new Map<string, Shape>();

function shapeFor(type: keyof typeof SERVER_TYPES): Shape {
  let found = shapes.get(type);
  if (!found) {
    const spec = SERVER_TYPES[type];
    found = extendShape(base, `${type} server`, spec.fields, {
      required: spec.required,
      requiredBefore32: spec.requiredBefore32,
    });
    shapes.set(type, found);
  }
  return found;
}

function typesTaking(key: string): string[] {
  return Object.entries(SERVER_TYPES)
    .filter(([, spec]) => key in spec.fields)
    .map(([type]) => type);
}

function checkServer(c: Checker, value: unknown): void {
  if (!isMapping(value)) {
    checkShape(c, value, base);
    return;
  }
  const type = value.type;
  const allowed: readonly string[] = c.v32
    ? ODCS_SERVER_TYPES
    : V31_SERVER_TYPES;
  const known = typeof type === 'string' && allowed.includes(type);
  if (!known) {
    // Without a valid type, which connection keys apply is unknown: report the type only.
    checkShape(c, value, base, {
      skipUnknown: key => CONNECTION_KEYS.has(key),
    });
    return;
  }
  checkShape(c, value, shapeFor(type as keyof typeof SERVER_TYPES), {
    explainUnknown: key => {
      const owners = typesTaking(key);
      return owners.length > 0
        ? `\`${key}\` ${c.placeIn()} is not a key of ${type} servers (it belongs to ${owners
            .slice(0, 6)
            .join(', ')}${
            owners.length > 6 ? '...' : ''
          } servers); remove it, or use \`type: custom\``
        : undefined;
    },
  });
}

/** `servers`: where the data lives. */
export const servers = listOf(checkServer, { of: 'servers' });
