import type { OdcsContract } from '../odcs/model';

/** A contract or a part of it as an author may write it: any shape, as the diff must take. */
type Written = Record<string, any>;
import { diffContracts as diffOdcs } from './diffContracts';

const diffContracts = (a: Written, b: Written) =>
  diffOdcs(a as unknown as OdcsContract, b as unknown as OdcsContract);
import { ChangeKind, ChangeSeverity } from './types';

/** A contract with one table `orders`, whose properties are the given ones plus `order_id`. */
function contract(props: Written[], extra: Partial<Written> = {}): Written {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'orders-contract',
    version: '1.0.0',
    status: 'active',
    schema: [
      {
        id: 'orders_tbl',
        name: 'orders',
        physicalType: 'table',
        properties: [
          {
            id: 'order_id_col',
            name: 'order_id',
            logicalType: 'string',
            primaryKey: true,
            primaryKeyPosition: 1,
            required: true,
          },
          ...props,
        ],
      },
    ],
    ...extra,
  };
}

interface PropertyRule {
  rule: string;
  before: Written;
  after: Written;
  kind: ChangeKind;
  severity: ChangeSeverity;
}

const col = (extra: Written): Written => ({
  id: 'status_col',
  name: 'status',
  logicalType: 'string',
  ...extra,
});
const num = (options: Record<string, unknown>): Written =>
  col({ logicalType: 'integer', logicalTypeOptions: options });
const str = (options: Record<string, unknown>): Written =>
  col({ logicalTypeOptions: options });

/** Each rule: the property before, after, and the expected classification. */
const PROPERTY_RULES: PropertyRule[] = [
  {
    rule: 'renamed via stable id',
    before: col({}),
    after: col({ name: 'order_status' }),
    kind: 'property-renamed',
    severity: 'breaking',
  },
  {
    rule: 'physical name changed',
    before: col({ physicalName: 'st' }),
    after: col({ physicalName: 'status_cd' }),
    kind: 'physical-name-changed',
    severity: 'breaking',
  },
  {
    rule: 'logical type changed',
    before: col({}),
    after: col({ logicalType: 'integer' }),
    kind: 'type-changed',
    severity: 'breaking',
  },
  {
    rule: 'logical type stated',
    before: col({ logicalType: undefined }),
    after: col({}),
    kind: 'type-changed',
    severity: 'info',
  },
  {
    rule: 'logical type dropped',
    before: col({}),
    after: col({ logicalType: undefined }),
    kind: 'type-changed',
    severity: 'warning',
  },
  {
    rule: 'physical type base changed',
    before: col({ physicalType: 'varchar(10)' }),
    after: col({ physicalType: 'text' }),
    kind: 'type-changed',
    severity: 'breaking',
  },
  {
    rule: 'physical type longer',
    before: col({ physicalType: 'varchar(10)' }),
    after: col({ physicalType: 'VARCHAR(20)' }),
    kind: 'type-changed',
    severity: 'breaking',
  },
  {
    rule: 'physical type shorter',
    before: col({ physicalType: 'varchar(20)' }),
    after: col({ physicalType: 'varchar(10)' }),
    kind: 'type-changed',
    severity: 'info',
  },
  {
    rule: 'decimal wider',
    before: col({ physicalType: 'decimal(12,2)' }),
    after: col({ physicalType: 'decimal(14,2)' }),
    kind: 'type-changed',
    severity: 'breaking',
  },
  {
    rule: 'no longer required',
    before: col({ required: true }),
    after: col({ required: false }),
    kind: 'required-changed',
    severity: 'breaking',
  },
  {
    rule: 'now required',
    before: col({}),
    after: col({ required: true }),
    kind: 'required-changed',
    severity: 'info',
  },
  {
    rule: 'no longer unique',
    before: col({ unique: true }),
    after: col({}),
    kind: 'unique-changed',
    severity: 'breaking',
  },
  {
    rule: 'now unique',
    before: col({ unique: false }),
    after: col({ unique: true }),
    kind: 'unique-changed',
    severity: 'info',
  },
  {
    rule: 'minimum lowered',
    before: num({ minimum: 0 }),
    after: num({ minimum: -10 }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'minimum raised',
    before: num({ minimum: 0 }),
    after: num({ minimum: 5 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'minimum dropped',
    before: num({ minimum: 0 }),
    after: num({}),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'minimum added',
    before: num({}),
    after: num({ minimum: 0 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'maximum raised',
    before: num({ maximum: 10 }),
    after: num({ maximum: 100 }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'maximum lowered',
    before: num({ maximum: 100 }),
    after: num({ maximum: 10 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'exclusive minimum lowered',
    before: num({ exclusiveMinimum: 1 }),
    after: num({ exclusiveMinimum: 0 }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'exclusive maximum lowered',
    before: num({ exclusiveMaximum: 9 }),
    after: num({ exclusiveMaximum: 8 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'max length longer',
    before: str({ maxLength: 10 }),
    after: str({ maxLength: 20 }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'max length shorter',
    before: str({ maxLength: 20 }),
    after: str({ maxLength: 10 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'min length shorter',
    before: str({ minLength: 2 }),
    after: str({ minLength: 0 }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'min length longer',
    before: str({ minLength: 0 }),
    after: str({ minLength: 2 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'date maximum later',
    before: col({
      logicalType: 'date',
      logicalTypeOptions: { maximum: '2030-01-01' },
    }),
    after: col({
      logicalType: 'date',
      logicalTypeOptions: { maximum: '2040-01-01' },
    }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'pattern changed',
    before: str({ pattern: '^[a-z]+$' }),
    after: str({ pattern: '^[a-z0-9]+$' }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'pattern dropped',
    before: str({ pattern: '^[a-z]+$' }),
    after: str({}),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'pattern added',
    before: str({}),
    after: str({ pattern: '^[a-z]+$' }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'format changed',
    before: str({ format: 'email' }),
    after: str({ format: 'uri' }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'format dropped',
    before: str({ format: 'email' }),
    after: str({}),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'format added',
    before: str({}),
    after: str({ format: 'email' }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'multipleOf coarser',
    before: num({ multipleOf: 5 }),
    after: num({ multipleOf: 10 }),
    kind: 'constraint-changed',
    severity: 'info',
  },
  {
    rule: 'multipleOf finer',
    before: num({ multipleOf: 10 }),
    after: num({ multipleOf: 5 }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'array items no longer unique',
    before: col({
      logicalType: 'array',
      logicalTypeOptions: { uniqueItems: true },
    }),
    after: col({
      logicalType: 'array',
      logicalTypeOptions: { uniqueItems: false },
    }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'array may hold more items',
    before: col({ logicalType: 'array', logicalTypeOptions: { maxItems: 3 } }),
    after: col({ logicalType: 'array', logicalTypeOptions: { maxItems: 5 } }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'timezone changed',
    before: col({
      logicalType: 'timestamp',
      logicalTypeOptions: { defaultTimezone: 'Etc/UTC' },
    }),
    after: col({
      logicalType: 'timestamp',
      logicalTypeOptions: { defaultTimezone: 'Europe/Paris' },
    }),
    kind: 'constraint-changed',
    severity: 'breaking',
  },
  {
    rule: 'new enum value',
    before: col({ enum: ['open', 'closed'] }),
    after: col({ enum: ['open', 'closed', 'refunded'] }),
    kind: 'enum-changed',
    severity: 'breaking',
  },
  {
    rule: 'fewer enum values',
    before: col({ enum: ['open', 'closed', 'refunded'] }),
    after: col({ enum: ['open', 'closed'] }),
    kind: 'enum-changed',
    severity: 'info',
  },
  {
    rule: 'enum dropped',
    before: col({ enum: ['open', 'closed'] }),
    after: col({}),
    kind: 'enum-changed',
    severity: 'breaking',
  },
  {
    rule: 'enum introduced',
    before: col({}),
    after: col({ enum: ['open', 'closed'] }),
    kind: 'enum-changed',
    severity: 'info',
  },
  {
    rule: 'classification raised',
    before: col({ classification: 'internal' }),
    after: col({ classification: 'restricted' }),
    kind: 'classification-changed',
    severity: 'breaking',
  },
  {
    rule: 'classification lowered',
    before: col({ classification: 'confidential' }),
    after: col({ classification: 'public' }),
    kind: 'classification-changed',
    severity: 'breaking',
  },
  {
    rule: 'classification removed',
    before: col({ classification: 'confidential' }),
    after: col({}),
    kind: 'classification-changed',
    severity: 'breaking',
  },
  {
    rule: 'classification added (sensitive)',
    before: col({}),
    after: col({ classification: 'confidential' }),
    kind: 'classification-changed',
    severity: 'warning',
  },
  {
    rule: 'classification added (public)',
    before: col({}),
    after: col({ classification: 'public' }),
    kind: 'classification-changed',
    severity: 'info',
  },
  {
    rule: 'now personal data (tag)',
    before: col({}),
    after: col({ tags: ['pii'] }),
    kind: 'pii-changed',
    severity: 'breaking',
  },
  {
    rule: 'no longer personal data (custom property)',
    before: col({ customProperties: [{ property: 'pii', value: 'True' }] }),
    after: col({}),
    kind: 'pii-changed',
    severity: 'breaking',
  },
  {
    rule: 'encrypted column renamed',
    before: col({ encryptedName: 'status_enc' }),
    after: col({ encryptedName: 'status_encrypted' }),
    kind: 'physical-name-changed',
    severity: 'breaking',
  },
  {
    rule: 'foreign key removed',
    before: col({
      relationships: [{ type: 'foreignKey', to: 'statuses.code' }],
    }),
    after: col({}),
    kind: 'relationship-changed',
    severity: 'breaking',
  },
  {
    rule: 'foreign key added',
    before: col({}),
    after: col({
      relationships: [{ type: 'foreignKey', to: 'statuses.code' }],
    }),
    kind: 'relationship-changed',
    severity: 'info',
  },
  {
    rule: 'quality rule removed',
    before: col({ quality: [{ metric: 'nullValues', mustBe: 0 }] }),
    after: col({}),
    kind: 'quality-removed',
    severity: 'warning',
  },
  {
    rule: 'quality rule added',
    before: col({}),
    after: col({ quality: [{ metric: 'nullValues', mustBe: 0 }] }),
    kind: 'quality-added',
    severity: 'info',
  },
  {
    rule: 'quality threshold looser',
    before: col({ quality: [{ metric: 'nullValues', mustBeLessThan: 1 }] }),
    after: col({ quality: [{ metric: 'nullValues', mustBeLessThan: 5 }] }),
    kind: 'quality-changed',
    severity: 'warning',
  },
  {
    rule: 'quality threshold stricter',
    before: col({ quality: [{ metric: 'nullValues', mustBeLessThan: 5 }] }),
    after: col({ quality: [{ metric: 'nullValues', mustBe: 0 }] }),
    kind: 'quality-changed',
    severity: 'info',
  },
  {
    rule: 'quality valid values widened',
    before: col({
      quality: [
        {
          metric: 'invalidValues',
          mustBe: 0,
          arguments: { validValues: ['a', 'b'] },
        },
      ],
    }),
    after: col({
      quality: [
        {
          metric: 'invalidValues',
          mustBe: 0,
          arguments: { validValues: ['a', 'b', 'c'] },
        },
      ],
    }),
    kind: 'enum-changed',
    severity: 'breaking',
  },
  {
    rule: 'quality measures something else',
    before: col({ quality: [{ name: 'q', metric: 'nullValues', mustBe: 0 }] }),
    after: col({
      quality: [{ name: 'q', metric: 'duplicateValues', mustBe: 0 }],
    }),
    kind: 'quality-changed',
    severity: 'warning',
  },
  {
    rule: 'nested field removed',
    before: col({
      logicalType: 'object',
      properties: [{ name: 'a' }, { name: 'b' }],
    }),
    after: col({ logicalType: 'object', properties: [{ name: 'a' }] }),
    kind: 'property-removed',
    severity: 'breaking',
  },
  {
    rule: 'array item type changed',
    before: col({ logicalType: 'array', items: { logicalType: 'string' } }),
    after: col({ logicalType: 'array', items: { logicalType: 'integer' } }),
    kind: 'type-changed',
    severity: 'breaking',
  },
  {
    rule: 'description changed',
    before: col({ description: 'a' }),
    after: col({ description: 'b' }),
    kind: 'description-changed',
    severity: 'info',
  },
];

describe('diffContracts: property rules', () => {
  it.each(PROPERTY_RULES)(
    '$rule → $severity $kind',
    ({ before, after, kind, severity }) => {
      const diff = diffContracts(contract([before]), contract([after]));
      expect(diff.changes.map(c => [c.kind, c.severity])).toContainEqual([
        kind,
        severity,
      ]);
      const change = diff.changes.find(
        c => c.kind === kind && c.severity === severity,
      )!;
      expect(change.path).toMatch(/^schema\.orders\.properties\./);
      expect(change.message.length).toBeGreaterThan(20);
      // a safe change must not drag a breaking one along
      const breakingOnes = diff.changes.filter(c => c.severity === 'breaking');
      expect(severity === 'breaking' || breakingOnes.length === 0).toBe(true);
    },
  );

  it('says in the message who is hit and why', () => {
    const weaker = diffContracts(
      contract([col({ required: true })]),
      contract([col({})]),
    );
    expect(weaker.changes[0].message).toBe(
      'Field orders.status is no longer required: consumers may now receive nulls.',
    );
    const stronger = diffContracts(
      contract([col({ enum: ['a', 'b'] })]),
      contract([col({ enum: ['a'] })]),
    );
    expect(stronger.changes[0].message).toContain('consumers stay safe');
  });
});

interface ContractRule {
  rule: string;
  before: Partial<Written>;
  after: Partial<Written>;
  kind: ChangeKind;
  severity: ChangeSeverity;
}

const sla = (property: string, value: unknown, unit?: string) => ({
  slaProperties: [{ property, value, ...(unit ? { unit } : {}) }],
});
const server = (extra: Record<string, unknown>) => ({
  servers: [
    {
      server: 'prod',
      type: 'postgres',
      host: 'db',
      port: 5432,
      database: 'sales',
      schema: 'public',
      ...extra,
    },
  ],
});

const CONTRACT_RULES: ContractRule[] = [
  {
    rule: 'freshness slower',
    before: sla('freshness', 1, 'h'),
    after: sla('freshness', 24, 'h'),
    kind: 'sla-changed',
    severity: 'breaking',
  },
  {
    rule: 'freshness fresher',
    before: sla('freshness', 1, 'd'),
    after: sla('freshness', 1, 'h'),
    kind: 'sla-changed',
    severity: 'info',
  },
  {
    rule: 'freshness written differently',
    before: sla('freshness', 1, 'd'),
    after: sla('freshness', 24, 'hours'),
    kind: 'sla-changed',
    severity: 'info',
  },
  {
    rule: 'latency longer',
    before: sla('latency', 4, 'd'),
    after: sla('latency', 5, 'd'),
    kind: 'sla-changed',
    severity: 'breaking',
  },
  {
    rule: 'retention shorter',
    before: sla('retention', 3, 'y'),
    after: sla('retention', 1, 'y'),
    kind: 'sla-changed',
    severity: 'breaking',
  },
  {
    rule: 'retention longer',
    before: sla('retention', 1, 'y'),
    after: sla('retention', '7 years'),
    kind: 'sla-changed',
    severity: 'info',
  },
  {
    rule: 'availability lower',
    before: sla('availability', '99.9%'),
    after: sla('availability', '99.5%'),
    kind: 'sla-changed',
    severity: 'breaking',
  },
  {
    rule: 'availability higher',
    before: sla('availability', 99.5),
    after: sla('availability', 99.95),
    kind: 'sla-changed',
    severity: 'info',
  },
  {
    rule: 'end of support earlier',
    before: sla('endOfSupport', '2032-05-12T09:30:10-08:00'),
    after: sla('endOfSupport', '2030-01-01T00:00:00Z'),
    kind: 'sla-changed',
    severity: 'breaking',
  },
  {
    rule: 'time of availability later',
    before: sla('timeOfAvailability', '09:00-08:00'),
    after: sla('timeOfAvailability', '11:00-08:00'),
    kind: 'sla-changed',
    severity: 'breaking',
  },
  {
    rule: 'unknown SLA changed',
    before: sla('queueDepth', 5),
    after: sla('queueDepth', 9),
    kind: 'sla-changed',
    severity: 'warning',
  },
  {
    rule: 'SLA removed',
    before: sla('freshness', 1, 'h'),
    after: {},
    kind: 'sla-removed',
    severity: 'breaking',
  },
  {
    rule: 'SLA added',
    before: {},
    after: sla('freshness', 1, 'h'),
    kind: 'sla-added',
    severity: 'info',
  },
  {
    rule: 'server removed',
    before: server({}),
    after: {},
    kind: 'server-removed',
    severity: 'breaking',
  },
  {
    rule: 'server added',
    before: {},
    after: server({}),
    kind: 'server-added',
    severity: 'info',
  },
  {
    rule: 'server host moved',
    before: server({}),
    after: server({ host: 'db2' }),
    kind: 'server-changed',
    severity: 'breaking',
  },
  {
    rule: 'server location moved',
    before: {
      servers: [{ server: 's3', type: 's3', location: 's3://a/orders/' }],
    },
    after: {
      servers: [{ server: 's3', type: 's3', location: 's3://b/orders/' }],
    },
    kind: 'server-changed',
    severity: 'breaking',
  },
  {
    rule: 'server environment changed',
    before: server({ environment: 'prod' }),
    after: server({ environment: 'uat' }),
    kind: 'server-changed',
    severity: 'warning',
  },
  {
    rule: 'server described',
    before: server({}),
    after: server({ description: 'main' }),
    kind: 'server-changed',
    severity: 'info',
  },
  {
    rule: 'contract deprecated',
    before: { status: 'active' },
    after: { status: 'deprecated' },
    kind: 'status-changed',
    severity: 'warning',
  },
  {
    rule: 'contract id changed',
    before: { id: 'a' },
    after: { id: 'b' },
    kind: 'identity-changed',
    severity: 'warning',
  },
  {
    rule: 'access role removed',
    before: { roles: [{ role: 'analyst', access: 'read' }] },
    after: {},
    kind: 'metadata-changed',
    severity: 'warning',
  },
  {
    rule: 'description changed',
    before: { description: { purpose: 'a' } },
    after: { description: { purpose: 'b' } },
    kind: 'metadata-changed',
    severity: 'info',
  },
];

describe('diffContracts: contract rules', () => {
  it.each(CONTRACT_RULES)(
    '$rule → $severity $kind',
    ({ before, after, kind, severity }) => {
      const diff = diffContracts(contract([], before), contract([], after));
      expect(diff.changes.map(c => [c.kind, c.severity])).toContainEqual([
        kind,
        severity,
      ]);
    },
  );
});

describe('diffContracts: schema objects and keys', () => {
  const base = contract([col({})]);
  const withSchema = (schema: Written['schema']) => ({
    ...base,
    schema,
  });

  it('reports a removed object as breaking and an added one as info', () => {
    const added = withSchema([
      ...base.schema!,
      { name: 'customers', properties: [] },
    ]);
    expect(diffContracts(base, added).changes).toEqual([
      expect.objectContaining({
        kind: 'object-added',
        severity: 'info',
        path: 'schema.customers',
      }),
    ]);
    expect(diffContracts(added, base).changes).toEqual([
      expect.objectContaining({
        kind: 'object-removed',
        severity: 'breaking',
        path: 'schema.customers',
      }),
    ]);
  });

  it('detects a renamed object through its stable id', () => {
    const renamed = withSchema([{ ...base.schema![0], name: 'sales_orders' }]);
    const diff = diffContracts(base, renamed);
    expect(diff.changes).toEqual([
      expect.objectContaining({ kind: 'object-renamed', severity: 'breaking' }),
    ]);
  });

  it('without ids a rename is a removal plus an addition', () => {
    const plain = (name: string) => contract([{ name, logicalType: 'string' }]);
    const kinds = diffContracts(plain('a'), plain('b')).changes.map(
      c => c.kind,
    );
    expect(kinds).toEqual(['property-removed', 'property-added']);
  });

  it('classifies primary key changes by what they do to row identity', () => {
    const keyed = (...keys: string[]) =>
      contract([
        {
          id: 'line',
          name: 'line_no',
          primaryKey: keys.includes('line_no'),
          primaryKeyPosition: 2,
        },
      ]).schema!.map((o: Written) => ({
        ...o,
        properties: o.properties!.map((p: Written) => ({
          ...p,
          primaryKey: keys.includes(p.name!),
        })),
      }));
    const diff = (a: string[], b: string[]) =>
      diffContracts(
        withSchema(keyed(...a)),
        withSchema(keyed(...b)),
      ).changes.find(c => c.kind === 'primary-key-changed');
    expect(diff(['order_id'], ['order_id', 'line_no'])?.severity).toBe(
      'breaking',
    );
    expect(diff(['order_id', 'line_no'], ['order_id'])?.severity).toBe(
      'warning',
    );
    expect(diff(['order_id'], [])?.severity).toBe('breaking');
    expect(diff([], ['order_id'])?.severity).toBe('info');
  });

  it('breaks consumers when a table becomes an object: what was queried with SQL no longer is', () => {
    const asObject = contract([]);
    asObject.schema[0].physicalType = 'object';
    const [change] = diffContracts(contract([]), asObject).changes;
    expect(change).toMatchObject({
      path: 'schema.orders.physicalType',
      kind: 'type-changed',
      severity: 'breaking',
      before: 'table',
      after: 'object',
    });
    expect(change.message).toContain('no longer can');
    // A view that becomes a table is still queried the same way: a warning.
    const asView = contract([]);
    asView.schema[0].physicalType = 'View';
    expect(diffContracts(asView, contract([])).changes[0]).toMatchObject({
      kind: 'type-changed',
      severity: 'warning',
    });
  });

  it('sorts breaking changes first', () => {
    const after = contract([col({ description: 'x' }), { name: 'extra' }], {
      slaProperties: [],
    });
    const before = contract([col({ required: true })]);
    const severities = diffContracts(before, after).changes.map(
      c => c.severity,
    );
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) =>
          ['breaking', 'warning', 'info'].indexOf(a) -
          ['breaking', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(severities[0]).toBe('breaking');
  });
});

describe('diffContracts: version bump', () => {
  const before = contract([col({ required: true })]);
  const breaking = (version: string) => contract([col({})], { version });

  it('requires a major bump for a breaking change and checks the new number', () => {
    expect(diffContracts(before, breaking('1.1.0'))).toMatchObject({
      requiredBump: 'major',
      versionOk: false,
      actualBump: 'minor',
    });
    expect(diffContracts(before, breaking('2.0.0'))).toMatchObject({
      requiredBump: 'major',
      versionOk: true,
    });
  });

  it('requires a minor bump for an addition and a patch bump for documentation', () => {
    const added = contract([col({ required: true }), { name: 'note' }], {
      version: '1.0.1',
    });
    expect(diffContracts(before, added)).toMatchObject({
      requiredBump: 'minor',
      versionOk: false,
    });
    const documented = contract(
      [col({ required: true, description: 'Order status' })],
      { version: '1.0.1' },
    );
    expect(diffContracts(before, documented)).toMatchObject({
      requiredBump: 'patch',
      versionOk: true,
    });
  });

  it('needs no bump when nothing changed, and rejects a version that went backwards', () => {
    expect(diffContracts(before, before)).toMatchObject({
      changes: [],
      requiredBump: 'none',
      versionOk: true,
    });
    const older = { ...before, version: '0.9.0' };
    const result = diffContracts(before, older);
    expect(result.versionOk).toBe(false);
    expect(result.versionMessage).toContain('went backwards');
  });

  it('reports a version that is not a semantic version', () => {
    const result = diffContracts(before, breaking('next'));
    expect(result.versionOk).toBe(false);
    expect(result.versionMessage).toContain('"next" is not a semantic version');
  });
});
