/**
 * fast-check arbitraries of ODCS v3.1-shaped contracts, valid by construction, and of
 * mutations that break them (or not: removing an optional key leaves a contract valid), for
 * comparing the validator's verdict with the standard's JSON Schema.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const word = fc.constantFrom(
  'orders',
  'customer_id',
  'amount',
  'Order Line',
  'tbl',
  'x',
  'ünïcode',
  '',
);
const id = fc.constantFrom('a1', 'order-id', 'ORD_2', 'x');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined, so records read like YAML. */
function compact<T extends Record<string, unknown>>(
  record: T,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) out[key] = value as Json;
  }
  return out;
}

const record = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  fc.record(fields).map(compact);

/** Mostly well-formed values, sometimes not, so the format checks are compared too. */
const mostly = <T>(good: T[], bad: T[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 6 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
  );

export const dateTimes = mostly(
  [
    '2024-05-01T10:00:00Z',
    '2022-11-15T02:59:43+00:00',
    '2024-02-29T23:59:59.123-05:30',
    '2024-05-01t10:00:00z',
    '2024-05-01 10:00:00Z',
  ],
  ['2024-05-01T10:00:00', '2023-02-29T10:00:00Z', '2024-05-01', 'yesterday'],
);

export const dates = mostly(
  ['2024-02-29', '2023-12-31'],
  ['2023-02-29', '2024-13-01', '24-01-01', '2024-01-01T00:00:00Z'],
);

export const uris = mostly(
  [
    's3://bucket/path/*.parquet',
    'https://api.example.com/v1?x=1#top',
    'abfss://c@acct.dfs.core.windows.net/path',
    'sftp://10.0.0.1/data/*.csv',
    'urn:isbn:0451450523',
    'file:///tmp/x.csv',
    'http://[::1]:8080/x',
  ],
  ['s3://bucket/{model}/*.json', 'no scheme/path', 'https://exa mple.com', ''],
);

const tags = fc.array(fc.constantFrom('pii', 'finance', 'gold'), {
  maxLength: 3,
});
const customProperties = fc.array(
  record({
    property: word,
    value: fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant([1, 'a']),
    ),
    description: maybe(word),
  }),
  { maxLength: 2 },
);
const authoritativeDefinitions = fc.array(
  record({
    url: fc.constantFrom('https://catalog.example.com/x', 'not checked'),
    type: fc.constantFrom('businessDefinition', 'glossary'),
    description: maybe(word),
  }),
  { maxLength: 2 },
);

const operator = fc.oneof(
  fc.record({ mustBe: fc.oneof(fc.integer(), fc.string()) }),
  fc.record({ mustNotBe: fc.integer() }),
  fc.record({ mustBeGreaterThan: fc.integer() }),
  fc.record({
    mustBeGreaterOrEqualTo: fc.double({ noNaN: true, noDefaultInfinity: true }),
  }),
  fc.record({ mustBeLessThan: fc.integer() }),
  fc.record({ mustBeLessOrEqualTo: fc.integer() }),
  fc.record({ mustBeBetween: fc.constantFrom([0, 10], [-1.5, 2]) }),
  fc.record({ mustNotBeBetween: fc.constantFrom([5, 6]) }),
);

const ruleCommon = {
  name: maybe(word),
  description: maybe(word),
  dimension: maybe(
    fc.constantFrom(
      'accuracy',
      'completeness',
      'conformity',
      'consistency',
      'coverage',
      'timeliness',
      'uniqueness',
    ),
  ),
  severity: maybe(fc.constantFrom('error', 'warning')),
  businessImpact: maybe(word),
  unit: maybe(fc.constantFrom('rows', 'percent')),
  schedule: maybe(fc.constant('0 20 * * *')),
  scheduler: maybe(fc.constant('cron')),
  tags: maybe(tags),
};

const qualityRule = fc.oneof(
  record({ type: fc.constant('text'), ...ruleCommon }),
  fc
    .tuple(
      record({
        type: maybe(fc.constant('library')),
        metric: fc.constantFrom(
          'nullValues',
          'missingValues',
          'invalidValues',
          'duplicateValues',
          'rowCount',
        ),
        arguments: maybe(fc.constant({ validValues: ['a', 'b'] })),
        ...ruleCommon,
      }),
      operator,
    )
    .map(([rule, op]) => ({ ...rule, ...op } as Json)),
  fc
    .tuple(
      record({
        type: fc.constant('sql'),
        query: fc.constant('SELECT COUNT(*) FROM ${object}'),
        ...ruleCommon,
      }),
      operator,
    )
    .map(([rule, op]) => ({ ...rule, ...op } as Json)),
  record({
    type: fc.constant('custom'),
    engine: fc.constantFrom('soda', 'great-expectations'),
    implementation: fc.oneof(
      fc.constant('checks: []'),
      fc.constant({ type: 'x' }),
    ),
    ...ruleCommon,
  }),
);

const options: Record<string, fc.Arbitrary<Json>> = {
  string: record({
    minLength: maybe(fc.nat(10)),
    maxLength: maybe(fc.nat(100)),
    pattern: maybe(fc.constant('^[A-Z]+$')),
    format: maybe(fc.constant('email')),
  }),
  date: record({
    format: maybe(fc.constant('yyyy-MM-dd')),
    minimum: maybe(fc.constant('2020-01-01')),
  }),
  timestamp: record({
    timezone: maybe(fc.boolean()),
    defaultTimezone: maybe(fc.constant('Etc/UTC')),
  }),
  time: record({ format: maybe(fc.constant('HH:mm:ss')) }),
  integer: record({
    minimum: maybe(fc.integer()),
    multipleOf: maybe(fc.constantFrom(1, 5, 0.5)),
    format: maybe(fc.constantFrom('i32', 'u64')),
  }),
  number: record({
    maximum: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
    format: maybe(fc.constantFrom('f32', 'f64')),
  }),
  object: record({
    maxProperties: maybe(fc.nat(5)),
    required: maybe(fc.constant(['a'])),
  }),
  array: record({
    minItems: maybe(fc.nat(3)),
    uniqueItems: maybe(fc.boolean()),
  }),
  boolean: fc.constant({ anything: 'goes' }),
};

const reference = fc.constantFrom(
  'orders.customer_id',
  'schema/orders/properties/id',
  'other.yaml#schema/x/properties/y',
  '/schema/a_1/properties/b-2',
);

type PropertyKind = 'property' | 'item';

function property(depth: number, kind: PropertyKind): fc.Arbitrary<Json> {
  const types =
    depth > 0
      ? [
          'string',
          'date',
          'timestamp',
          'time',
          'number',
          'integer',
          'object',
          'array',
          'boolean',
          'none',
        ]
      : ['string', 'date', 'integer', 'number', 'boolean', 'none'];
  return fc.constantFrom(...types).chain(type => {
    const fields: Record<string, fc.Arbitrary<unknown>> = {
      name: kind === 'property' ? word : maybe(word),
      businessName: maybe(word),
      description: maybe(word),
      physicalType: maybe(fc.constantFrom('varchar(10)', 'int', 'table')),
      physicalName: maybe(word),
      required: maybe(fc.boolean()),
      unique: maybe(fc.boolean()),
      primaryKey: maybe(fc.boolean()),
      primaryKeyPosition: maybe(fc.integer({ min: -1, max: 3 })),
      partitioned: maybe(fc.boolean()),
      partitionKeyPosition: maybe(fc.integer({ min: -1, max: 3 })),
      classification: maybe(fc.constantFrom('public', 'restricted')),
      criticalDataElement: maybe(fc.boolean()),
      encryptedName: maybe(word),
      transformSourceObjects: maybe(fc.array(word, { maxLength: 2 })),
      transformLogic: maybe(word),
      examples: maybe(
        fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }),
      ),
      tags: maybe(tags),
      customProperties: maybe(customProperties),
      authoritativeDefinitions: maybe(authoritativeDefinitions),
      quality: maybe(fc.array(qualityRule, { maxLength: 2 })),
      relationships: maybe(
        fc.array(
          record({ to: reference, type: maybe(fc.constant('foreignKey')) }),
          { maxLength: 1 },
        ),
      ),
      id: maybe(id),
    };
    if (type !== 'none') {
      fields.logicalType = fc.constant(type);
      fields.logicalTypeOptions = maybe(options[type]);
    }
    if ((type === 'object' || type === 'none') && depth > 0) {
      fields.properties = maybe(
        fc.array(property(depth - 1, 'property'), { maxLength: 2 }),
      );
    }
    if (type === 'array' && depth > 0)
      fields.items = maybe(property(depth - 1, 'item'));
    return record(fields);
  });
}

const schemaObject = record({
  name: word,
  id: maybe(id),
  physicalName: maybe(word),
  physicalType: maybe(fc.constantFrom('table', 'view', 'topic')),
  businessName: maybe(word),
  description: maybe(word),
  dataGranularityDescription: maybe(word),
  logicalType: maybe(fc.constant('object')),
  tags: maybe(tags),
  properties: maybe(fc.array(property(2, 'property'), { maxLength: 3 })),
  quality: maybe(fc.array(qualityRule, { maxLength: 2 })),
  relationships: maybe(
    fc.array(
      fc.oneof(
        record({
          from: reference,
          to: reference,
          type: maybe(fc.constant('foreignKey')),
        }),
        record({
          from: fc.constant(['a.b', 'a.c']),
          to: fc.constant(['d.e', 'd.f']),
        }),
      ),
      { maxLength: 1 },
    ),
  ),
  customProperties: maybe(customProperties),
  authoritativeDefinitions: maybe(authoritativeDefinitions),
});

const role = record({
  role: word,
  access: maybe(fc.constantFrom('read', 'write')),
  description: maybe(word),
  firstLevelApprovers: maybe(word),
  secondLevelApprovers: maybe(word),
  customProperties: maybe(customProperties),
});

const port = fc.integer({ min: 1, max: 65535 });
const serverBase = {
  server: word,
  description: maybe(word),
  environment: maybe(fc.constantFrom('prod', 'dev')),
  roles: maybe(fc.array(role, { maxLength: 1 })),
  customProperties: maybe(customProperties),
  id: maybe(id),
};
const server = fc.oneof(
  record({
    ...serverBase,
    type: fc.constant('postgres'),
    host: word,
    port,
    database: word,
    schema: word,
  }),
  record({
    ...serverBase,
    type: fc.constant('s3'),
    location: uris,
    format: maybe(fc.constant('parquet')),
    endpointUrl: maybe(uris),
  }),
  record({ ...serverBase, type: fc.constant('sftp'), location: uris }),
  record({
    ...serverBase,
    type: fc.constant('athena'),
    stagingDir: uris,
    schema: word,
    regionName: maybe(word),
  }),
  record({
    ...serverBase,
    type: fc.constant('kafka'),
    host: word,
    format: maybe(fc.constant('avro')),
  }),
  record({
    ...serverBase,
    type: fc.constant('snowflake'),
    account: word,
    database: word,
    schema: word,
    warehouse: maybe(word),
    port: maybe(port),
  }),
  record({
    ...serverBase,
    type: fc.constant('bigquery'),
    project: word,
    dataset: word,
  }),
  record({
    ...serverBase,
    type: fc.constant('custom'),
    location: maybe(uris),
    stream: maybe(word),
    port: maybe(port),
  }),
  record({
    ...serverBase,
    type: fc.constant('local'),
    path: word,
    format: fc.constant('csv'),
  }),
  record({ ...serverBase, type: fc.constant('api'), location: uris }),
);

const member = record({
  username: word,
  name: maybe(word),
  role: maybe(fc.constantFrom('owner', 'steward')),
  dateIn: maybe(dates),
  dateOut: maybe(dates),
  replacedByUsername: maybe(word),
  tags: maybe(tags),
});

const team = fc.oneof(
  record({
    name: maybe(word),
    description: maybe(word),
    members: maybe(fc.array(member, { maxLength: 2 })),
  }),
  fc.array(member, { maxLength: 2 }),
);

const sla = record({
  property: fc.constantFrom(
    'latency',
    'retention',
    'frequency',
    'availability',
  ),
  value: fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
  valueExt: maybe(fc.integer()),
  unit: maybe(fc.constantFrom('d', 'h')),
  element: maybe(fc.constant('orders.created_at')),
  driver: maybe(fc.constantFrom('regulatory', 'operational')),
  schedule: maybe(fc.constant('0 0 * * *')),
  scheduler: maybe(fc.constant('cron')),
});

/** A v3.0.x / v3.1.0 contract, valid by the v3.1 rules apart from the formats it samples. */
export const contractArbitrary: fc.Arbitrary<Json> = record({
  apiVersion: fc.constantFrom('v3.0.0', 'v3.0.1', 'v3.0.2', 'v3.1.0'),
  kind: fc.constant('DataContract'),
  id: fc.uuid(),
  version: fc.constantFrom('1.0.0', '2.1.0-beta'),
  status: fc.constantFrom('active', 'draft', 'retired'),
  name: maybe(word),
  tenant: maybe(word),
  domain: maybe(word),
  tags: maybe(tags),
  description: maybe(
    record({
      purpose: maybe(word),
      usage: maybe(word),
      limitations: maybe(word),
      extra: maybe(word),
    }),
  ),
  contractCreatedTs: maybe(dateTimes),
  schema: maybe(fc.array(schemaObject, { maxLength: 2 })),
  servers: maybe(fc.array(server, { maxLength: 2 })),
  team: maybe(team),
  roles: maybe(fc.array(role, { maxLength: 2 })),
  support: maybe(
    fc.array(
      record({
        channel: word,
        url: maybe(word),
        tool: maybe(fc.constant('slack')),
        scope: maybe(fc.constant('issues')),
      }),
      {
        maxLength: 2,
      },
    ),
  ),
  price: maybe(
    record({
      priceAmount: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
      priceCurrency: maybe(fc.constant('EUR')),
      priceUnit: maybe(fc.constant('megabyte')),
    }),
  ),
  slaProperties: maybe(fc.array(sla, { maxLength: 2 })),
  customProperties: maybe(customProperties),
  authoritativeDefinitions: maybe(authoritativeDefinitions),
});

/** Keys of the standard (and near misses) that mutations add where they may not belong. */
const KEY_VOCABULARY = [
  'name',
  'type',
  'logicalType',
  'logicalTypeOptions',
  'properties',
  'items',
  'map',
  'enum',
  'required',
  'metric',
  'rule',
  'query',
  'engine',
  'implementation',
  'mustBe',
  'mustNotBe',
  'mustBeBetween',
  'from',
  'to',
  'host',
  'port',
  'database',
  'schema',
  'location',
  'stagingDir',
  'format',
  'maxLength',
  'minimum',
  'dimensions',
  'value',
  'property',
  'members',
  'username',
  'description',
  'status',
  'isNullable',
  'element',
  'unknownField',
  'tags',
  'context',
  'id',
];

/** Values of every kind, for replacing a value or filling an added key. */
const VALUE_POOL: Json[] = [
  'text',
  '',
  'object',
  'string',
  'array',
  'library',
  'sql',
  'custom',
  'foreignKey',
  'orders.id',
  'nullValues',
  'bogus',
  's3://b/k',
  'DataContract',
  'postgres',
  '2024-01-01',
  0,
  1,
  -1,
  2.5,
  true,
  false,
  null,
  [],
  ['a'],
  [1, 2],
  [1, 1],
  {},
  { a: 1 },
  { minLength: 1 },
  { key: { logicalType: 'string' }, value: {} },
];

/** One change to a contract: which node (by index among all nodes), what, with which pick. */
export interface Mutation {
  node: number;
  op: 'remove' | 'add' | 'replace';
  key: number;
  value: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  node: fc.nat(),
  op: fc.constantFrom('remove', 'add', 'replace'),
  key: fc.nat(),
  value: fc.nat(),
});

function nodes(root: Json): Array<Json[] | { [key: string]: Json }> {
  const found: Array<Json[] | { [key: string]: Json }> = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node && typeof node === 'object') {
      found.push(node);
      for (const child of Object.values(node)) stack.push(child);
    }
  }
  return found;
}

/** Applies mutations to a copy of a contract. */
export function mutate(contract: Json, mutations: readonly Mutation[]): Json {
  const copy = JSON.parse(JSON.stringify(contract)) as Json;
  for (const { node, op, key, value } of mutations) {
    const all = nodes(copy);
    const target = all[node % all.length];
    const pick = VALUE_POOL[value % VALUE_POOL.length];
    const replacement = JSON.parse(JSON.stringify(pick)) as Json;
    if (Array.isArray(target)) {
      if (op === 'remove' && target.length)
        target.splice(key % target.length, 1);
      else if (op === 'add') target.push(replacement);
      else if (target.length) target[key % target.length] = replacement;
    } else {
      const keys = Object.keys(target);
      if (op === 'remove' && keys.length)
        delete target[keys[key % keys.length]];
      else if (op === 'add')
        target[KEY_VOCABULARY[key % KEY_VOCABULARY.length]] = replacement;
      else if (keys.length) target[keys[key % keys.length]] = replacement;
    }
  }
  return copy;
}
