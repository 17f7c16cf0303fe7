import {
  compliantContract,
  compliantEntity,
} from '../__testUtils__/compliantProduct';
import { PolicyInput } from '../policyInput';
import { evaluatePolicies } from '../evaluatePolicies';
import { layerPolicies } from '../layering';
import { BUILT_IN_POLICIES, builtInPolicySet } from './builtin';

const NOW = new Date('2026-06-01T00:00:00Z');
const layers = layerPolicies([]);

function run(input: PolicyInput) {
  return evaluatePolicies(layers, { now: NOW, ...input });
}

function resultOf(id: string, input: PolicyInput) {
  const result = run(input).results.find(r => r.id === id);
  if (!result) throw new Error(`policy ${id} did not run`);
  return result;
}

/** A breaking change (a field removed) from a previous version of the compliant contract. */
function breakingChange(edit: (contract: any) => void = () => {}) {
  const previous = compliantContract();
  previous.schema[0].properties.push({
    name: 'legacy',
    logicalType: 'string',
    description: 'Old.',
  });
  const contract = compliantContract();
  contract.version = '2.0.0';
  contract.customProperties.push({
    property: 'deprecationNotice',
    value: '2026-04-01',
  });
  contract.authoritativeDefinitions = [
    { type: 'migrationGuide', url: 'https://example.com/orders-v2' },
  ];
  edit(contract);
  return { entity: compliantEntity(), contract, previous };
}

interface Case {
  id: string;
  /** An input on which the policy passes (besides the compliant product). */
  passing?: () => PolicyInput;
  /** An input on which the policy fails. */
  failing: () => PolicyInput;
  /** Words the failure message must contain. */
  says: string;
}

const compliant = () => ({
  entity: compliantEntity(),
  contract: compliantContract(),
});
const edit = (change: (c: any, e: any) => void) => () => {
  const input = compliant();
  change(input.contract, input.entity);
  return input;
};
const email = (c: any) => c.schema[0].properties[1];

const CASES: Case[] = [
  {
    id: 'data-classification',
    failing: edit(
      (_, e) => delete e.metadata.annotations['data-mesh/classification'],
    ),
    says: 'no classification',
  },
  {
    id: 'pii-encryption',
    passing: edit(c => c.schema[0].properties.splice(1, 1)),
    failing: edit(c => delete email(c).encryptedName),
    says: 'orders.customer_email',
  },
  {
    id: 'pii-audit-logging',
    passing: edit(c => {
      c.schema[0].properties.splice(1, 1);
      c.customProperties = [];
    }),
    failing: edit(c => (c.customProperties = [])),
    says: 'audit logging is not enabled',
  },
  {
    id: 'pii-category',
    failing: edit(c => (email(c).customProperties = [])),
    says: 'orders.customer_email',
  },
  {
    id: 'pii-category',
    passing: edit(c => {
      email(c).customProperties = [];
      email(c).tags = ['pii', 'pii:contact'];
    }),
    failing: edit(
      c =>
        (email(c).customProperties = [{ property: 'piiCategory', value: ' ' }]),
    ),
    says: 'without a category',
  },
  {
    id: 'data-retention',
    failing: edit(
      c =>
        (c.slaProperties = c.slaProperties.filter(
          (s: any) => s.property !== 'retention',
        )),
    ),
    says: 'no retention period',
  },
  {
    id: 'data-retention',
    failing: edit(
      c =>
        (c.slaProperties.find((s: any) => s.property === 'retention').value =
          'forever'),
    ),
    says: '"forever" is not a duration',
  },
  {
    id: 'retention-by-data-category',
    passing: edit(c =>
      c.customProperties.push({
        property: 'dataCategory',
        value: 'analytical',
      }),
    ),
    failing: edit(c =>
      c.customProperties.push({
        property: 'dataCategory',
        value: 'operational',
      }),
    ),
    says: 'operational data period of 7 years',
  },
  {
    id: 'schema-defined',
    failing: edit(c => (c.schema = [])),
    says: 'defines no schema',
  },
  {
    id: 'schema-defined',
    failing: edit(c => c.schema.push({ name: 'empty', properties: [] })),
    says: 'without fields: empty',
  },
  {
    id: 'schema-defined',
    // a schema kept in another file, as datamesh/v1 references its Avro schema
    passing: edit(c =>
      c.schema.push({
        name: 'events',
        customProperties: [{ property: 'schemaRef', value: 'events.avsc' }],
      }),
    ),
    failing: edit(c =>
      c.schema.push({
        name: 'events',
        customProperties: [{ property: 'schemaRef', value: ' ' }],
      }),
    ),
    says: 'without fields: events',
  },
  {
    id: 'schema-referenced',
    failing: edit(c =>
      c.schema.push({
        name: 'events',
        customProperties: [{ property: 'schemaRef', value: 'events.avsc' }],
        properties: [
          {
            name: 'email',
            customProperties: [{ property: 'pii', value: true }],
          },
        ],
      }),
    ),
    says: 'kept elsewhere (events: events.avsc)',
  },
  {
    id: 'primary-key',
    failing: edit(c => (c.schema[0].properties[0].primaryKey = false)),
    says: 'without a primary key: orders',
  },
  {
    id: 'primary-key',
    passing: edit(c =>
      c.schema.push({
        name: 'events',
        customProperties: [{ property: 'schemaRef', value: 'events.avsc' }],
      }),
    ),
    failing: edit(c =>
      c.schema.push({ name: 'events', properties: [{ name: 'id' }] }),
    ),
    says: 'without a primary key: events',
  },
  {
    id: 'field-descriptions',
    // a column the contract names only to mark it personal data; its schema is elsewhere
    passing: edit(c =>
      c.schema.push({
        name: 'events',
        customProperties: [{ property: 'schemaRef', value: 'events.avsc' }],
        properties: [
          {
            name: 'email',
            customProperties: [{ property: 'pii', value: true }],
          },
        ],
      }),
    ),
    failing: edit(c => delete email(c).description),
    says: 'orders.customer_email',
  },
  {
    id: 'field-types',
    failing: edit(c => delete email(c).logicalType),
    says: 'orders.customer_email',
  },
  {
    id: 'field-types',
    passing: edit(c => {
      delete email(c).logicalType;
      email(c).physicalType = 'varchar(255)';
    }),
    failing: edit(c => delete c.schema[0].properties[0].logicalType),
    says: 'orders.order_id',
  },
  {
    id: 'field-constraints',
    failing: edit(c => {
      c.schema[0].properties[0].required = false;
      c.schema[0].properties[0].primaryKey = false;
    }),
    says: 'No field states a constraint',
  },
  {
    id: 'quality-checks-defined',
    // targets of the notes' data_quality, as datamesh/v1 states them
    passing: edit(c => {
      c.schema[0].quality = [];
      delete c.schema[0].properties[0].quality;
    }),
    failing: edit(c => {
      c.schema[0].quality = [];
      delete c.schema[0].properties[0].quality;
      c.slaProperties = c.slaProperties.filter(
        (s: any) => !['completeness', 'accuracy'].includes(s.property),
      );
    }),
    says: 'no quality rule, and no completeness or accuracy target',
  },
  {
    id: 'quality-completeness',
    passing: edit(c => {
      delete c.schema[0].properties[0].quality;
    }),
    failing: edit(c => {
      delete c.schema[0].properties[0].quality;
      c.slaProperties = c.slaProperties.filter(
        (s: any) => s.property !== 'completeness',
      );
    }),
    says: 'Nothing checks completeness',
  },
  {
    id: 'quality-freshness',
    passing: edit(c => {
      c.slaProperties = c.slaProperties.filter(
        (s: any) => s.property !== 'freshness',
      );
      c.schema[0].quality.push({
        type: 'sql',
        dimension: 'timeliness',
        query: 'select 1',
        mustBe: 1,
      });
    }),
    failing: edit(
      c =>
        (c.slaProperties = c.slaProperties.filter(
          (s: any) => s.property !== 'freshness',
        )),
    ),
    says: 'Nothing checks freshness',
  },
  {
    id: 'quality-gates',
    passing: () => ({
      ...compliant(),
      checks: [
        { name: 'a', passed: true },
        { name: 'b', passed: true, severity: 'critical' },
      ],
    }),
    failing: () => ({
      ...compliant(),
      checks: [
        { name: 'no_negative_amounts', passed: false, severity: 'critical' },
        ...Array.from({ length: 30 }, (_, i) => ({
          name: `c${i}`,
          passed: true,
        })),
      ],
    }),
    says: 'no_negative_amounts',
  },
  {
    id: 'quality-gates',
    failing: () => ({
      ...compliant(),
      checks: [
        { name: 'x', passed: false, severity: 'warning' },
        ...Array.from({ length: 9 }, (_, i) => ({
          name: `c${i}`,
          passed: true,
        })),
      ],
    }),
    says: '1 of 10 checks fail',
  },
  {
    id: 'slo-defined',
    failing: edit(
      c =>
        (c.slaProperties = c.slaProperties.filter(
          (s: any) => s.property !== 'completeness',
        )),
    ),
    says: 'completeness above 0',
  },
  {
    id: 'slo-defined',
    failing: edit(
      c =>
        (c.slaProperties.find(
          (s: any) => s.property === 'completeness',
        ).value = 0),
    ),
    says: 'completeness above 0',
  },
  {
    id: 'slo-defined',
    failing: edit(
      c =>
        (c.slaProperties = c.slaProperties.filter(
          (s: any) => s.property !== 'freshness',
        )),
    ),
    says: 'SLOs missing: freshness',
  },
  {
    id: 'valid-contract',
    failing: edit(c => delete c.version),
    says: 'no semantic version',
  },
  {
    id: 'valid-contract',
    passing: edit(c => {
      c.schema = [];
      c.customProperties.push({
        property: 'schemaRef',
        value: 'schemas/orders.avsc',
      });
    }),
    failing: edit(c => (c.schema = [])),
    says: 'neither defines a schema nor references one',
  },
  {
    id: 'valid-contract',
    failing: () => ({
      ...compliant(),
      contractIssues: [
        {
          severity: 'error',
          path: '/status',
          message: 'status is required',
          rule: 'required',
        },
      ],
    }),
    says: 'not valid: /status status is required',
  },
  {
    id: 'owner-contact',
    failing: edit((_, e) => delete e.spec.owner),
    says: 'no owner',
  },
  {
    id: 'owner-contact',
    failing: edit(c => (c.support = [])),
    says: 'has no contact',
  },
  {
    id: 'breaking-change-major-version',
    passing: () => breakingChange(),
    failing: () => breakingChange(c => (c.version = '1.1.0')),
    says: 'schema.orders.properties.legacy',
  },
  {
    id: 'breaking-change-deprecation-notice',
    passing: () => breakingChange(),
    failing: () =>
      breakingChange(
        c =>
          (c.customProperties = c.customProperties.filter(
            (p: any) => p.property !== 'deprecationNotice',
          )),
      ),
    says: 'no deprecation notice',
  },
  {
    id: 'breaking-change-deprecation-notice',
    failing: () =>
      breakingChange(
        c =>
          (c.customProperties.find(
            (p: any) => p.property === 'deprecationNotice',
          ).value = '2026-05-20'),
      ),
    says: 'less than 30 days old',
  },
  {
    id: 'breaking-change-migration-guide',
    passing: () => breakingChange(),
    failing: () => breakingChange(c => delete c.authoritativeDefinitions),
    says: 'no migration guide',
  },
  {
    id: 'version-bump',
    passing: () => breakingChange(),
    failing: () => ({
      ...compliant(),
      previous: { ...compliantContract(), slaProperties: [] },
    }),
    says: 'need a minor bump',
  },
  {
    id: 'observability-metrics',
    failing: edit(c => (c.schema[0].quality = [])),
    says: 'rowCount',
  },
];

describe('the built-in rule pack', () => {
  it('compiles', () => {
    expect(builtInPolicySet().policies.map(p => p.id)).toEqual(
      BUILT_IN_POLICIES.map(p => p.id),
    );
  });

  it('has a failing case for every policy', () => {
    expect(new Set(CASES.map(c => c.id))).toEqual(
      new Set(BUILT_IN_POLICIES.map(p => p.id)),
    );
  });

  it('passes every policy for a compliant product', () => {
    const verdict = run(compliant());
    expect(verdict.results.filter(r => !r.passed)).toEqual([]);
    expect(verdict.results).toHaveLength(BUILT_IN_POLICIES.length);
    expect(verdict.blocked).toBe(false);
  });

  it.each(CASES)(
    '$id fails with a message that says "$says"',
    ({ id, failing, says }) => {
      const result = resultOf(id, failing());
      expect(result).toMatchObject({ status: 'failed', passed: false });
      expect(result.message).toContain(says);
      expect(result.remediation ?? '').not.toMatch(/<.*:/); // remediation placeholders evaluated
    },
  );

  it.each(CASES.filter(c => c.passing))(
    '$id passes on its passing case',
    ({ id, passing }) => {
      expect(resultOf(id, passing!())).toMatchObject({
        status: 'passed',
        passed: true,
        outcome: 'pass',
      });
    },
  );

  it('blocks the product when an enforced error policy fails', () => {
    const input = compliant();
    input.contract.schema[0].properties[0].primaryKey = false;
    const verdict = run(input);
    expect(verdict.blocked).toBe(true);
    expect(verdict.results.find(r => r.id === 'primary-key')?.outcome).toBe(
      'block',
    );
  });
});
