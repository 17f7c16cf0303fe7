import { breakingChangeGate } from '../consumers/gate';
import { policyVariables } from './policyInput';
import { describeProduct } from './productFacts';

describe('describeProduct', () => {
  const entity = {
    metadata: {
      name: 'orders',
      annotations: {
        'data-mesh/domain': 'sales',
        'data-mesh/classification': 'Internal',
      },
    },
    spec: {
      owner: 'group:sales',
      lifecycle: 'production',
      type: 'data-product',
      dataProduct: { kind: 'source-aligned' },
    },
  };

  it('prefers the entity, then the contract, but takes the strictest classification of both', () => {
    const contract = {
      domain: 'finance',
      status: 'draft',
      customProperties: [{ property: 'classification', value: 'restricted' }],
    };
    expect(describeProduct(entity, contract)).toMatchObject({
      name: 'orders',
      domain: 'sales',
      classification: 'restricted',
      lifecycle: 'production',
      kind: 'source-aligned',
      owner: 'group:sales',
    });
    expect(describeProduct(undefined, contract)).toMatchObject({
      domain: 'finance',
      classification: 'restricted',
      lifecycle: 'draft',
    });
  });

  it('falls back to the most sensitive classification the fields declare', () => {
    const contract = {
      schema: [
        {
          name: 't',
          properties: [
            { name: 'a', classification: 'public' },
            { name: 'b', classification: 'confidential' },
            { name: 'c', classification: '3' },
          ],
        },
      ],
    };
    expect(describeProduct(undefined, contract).classification).toBe(
      'confidential',
    );
  });

  it('collects contacts from support channels, custom properties and team members', () => {
    const contract = {
      support: [
        { channel: 'slack', url: 'https://slack.example.com/c/orders' },
      ],
      customProperties: [{ property: 'contact', value: 'orders@example.com' }],
      team: {
        name: 'sales',
        members: [
          { username: 'ann@example.com' },
          { username: 'bob' },
          { username: 'old@example.com', dateOut: '2024-01-01' },
        ],
      },
    };
    expect(describeProduct(undefined, contract)).toMatchObject({
      owner: 'sales',
      contacts: [
        'https://slack.example.com/c/orders',
        'orders@example.com',
        'ann@example.com',
      ],
    });
  });

  it('reads the deprecation notice, the migration guide and the data category', () => {
    const contract = {
      customProperties: [
        { property: 'deprecationNotice', value: '2026-01-15' },
        { property: 'dataCategory', value: 'Logs' },
      ],
      authoritativeDefinitions: [
        { type: 'migration-guide', url: 'https://example.com/v2' },
      ],
    };
    expect(describeProduct(undefined, contract)).toMatchObject({
      deprecationNotice: new Date('2026-01-15'),
      migrationGuide: 'https://example.com/v2',
      dataCategory: 'logs',
    });
  });
});

describe('policyVariables', () => {
  it('flattens nested fields with their paths and PII facts', () => {
    const contract = {
      schema: [
        {
          name: 'customers',
          properties: [
            { name: 'id', primaryKey: true },
            {
              name: 'address',
              logicalType: 'object',
              properties: [{ name: 'street', tags: ['pii', 'pii:address'] }],
            },
            {
              name: 'emails',
              logicalType: 'array',
              items: {
                properties: [
                  {
                    name: 'value',
                    classification: 'restricted',
                    customProperties: [
                      { property: 'encryption', value: 'AES-256' },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
      slaProperties: [
        { property: 'freshness', value: '2 hours' },
        { property: 'availability', value: '99.9%' },
      ],
    };
    const activation = policyVariables({ contract }, null) as any;
    expect(
      activation.fields.map((f: any) => [
        f.path,
        f.pii,
        f.piiCategory,
        f.encrypted,
      ]),
    ).toEqual([
      ['customers.id', false, null, false],
      ['customers.address', false, null, false],
      ['customers.address.street', true, 'address', false],
      ['customers.emails', false, null, false],
      ['customers.emails.value', true, null, true],
    ]);
    expect(activation.objects[0]).toMatchObject({
      name: 'customers',
      fields: ['id', 'address', 'emails'],
      primaryKey: ['id'],
    });
    expect(activation.sla.freshness).toMatchObject({
      seconds: 7200,
      percent: null,
    });
    expect(activation.sla.availability).toMatchObject({
      seconds: null,
      percent: 99.9,
    });
    expect(activation.product.domain).toBeNull();
    expect(activation.previous).toBeNull();
  });
});

describe('the gate policies read', () => {
  const announcedAt = Date.parse('2026-06-01T00:00:00.000Z');
  const hit = (ref: string) => ({
    ref,
    kind: 'product' as const,
    via: ['input-port' as const],
    owners: ['group:default/sales'],
    changes: [],
  });
  const gate = (refs: string[]) =>
    breakingChangeGate({
      hit: refs.map(hit),
      acknowledgements: [
        {
          consumer: 'component:default/a',
          decision: 'acknowledged',
          by: 'user:default/mia',
          at: '2026-06-02T00:00:00.000Z',
        },
        {
          consumer: 'component:default/b',
          decision: 'more-time',
          by: 'user:default/mia',
          at: '2026-06-02T00:00:00.000Z',
          until: '2026-08-01T00:00:00.000Z',
        },
      ],
      announcedAt,
      now: announcedAt,
    });

  it('names the version checked, who acknowledged and who did not (asking for more time is not acknowledging)', () => {
    const activation = policyVariables(
      {
        contract: { version: 2 },
        gate: gate(['component:default/a', 'component:default/b']),
      },
      null,
    ) as any;
    expect(activation.gate).toEqual({
      state: 'waiting',
      version: '2',
      pending: ['component:default/b'],
      acknowledged: ['component:default/a'],
      deprecationEndsAt: '2026-07-01T00:00:00.000Z',
    });
  });

  it('is null when the version breaks nobody or its gate is unknown, and has no version when the contract names none', () => {
    expect(
      (
        policyVariables(
          { contract: { version: '2.0.0' }, gate: gate([]) },
          null,
        ) as any
      ).gate,
    ).toBeNull();
    expect(
      (policyVariables({ contract: { version: '2.0.0' } }, null) as any).gate,
    ).toBeNull();
    expect(
      (
        policyVariables(
          { contract: null, gate: gate(['component:default/c']) },
          null,
        ) as any
      ).gate,
    ).toMatchObject({ version: null, pending: ['component:default/c'] });
  });
});
