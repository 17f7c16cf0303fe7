import { parse } from 'yaml';
import { contractPorts } from '../ports';
import { contractSource, describeContractSource } from '../provenance';
import { missingLeaves } from '../__testUtils__/leafCoverage';
import { officialSchemaErrors } from '../__testUtils__/officialOdcsSchema';
import { readContract } from '../../read';
import {
  corpusText,
  describeCorpus,
  HAS_CORPUS,
} from '../../__testUtils__/corpus';
import { fixture } from '../../__testUtils__/fixtures';
import { itCorpus } from '../../__testUtils__/corpus';
import { validateOdcs } from '../../odcs/validate';
import { readDataProductYaml } from './readDataProductYaml';

const source = HAS_CORPUS
  ? parse(corpusText('design-notes/data_product.yaml'))
  : { schema: { fields: [] }, sla: { quality_checks: [] } };

function custom(object: unknown, name: string): unknown {
  const list =
    (
      object as {
        customProperties?: Array<{ property: string; value: unknown }>;
      }
    ).customProperties ?? [];
  const found = list.filter(entry => entry.property === name);
  if (found.length !== 1)
    throw new Error(
      `expected one custom property "${name}", found ${found.length}`,
    );
  return found[0].value;
}

describeCorpus('readDataProductYaml: data_product.yaml, field by field', () => {
  const { contract, issues } = readDataProductYaml(source);
  const [object] = contract.schema ?? [];
  const property = (name: string) =>
    object.properties!.find(p => p.name === name)!;

  it('maps name, version, domain and description', () => {
    expect(issues).toEqual([]);
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'sales_orders_analytical',
      name: 'sales_orders_analytical',
      version: '2.1.0',
      domain: 'sales',
      status: 'active',
      description: { purpose: source.description },
    });
    expect(describeContractSource(contractSource(contract))).toBe(
      'imported from data_product.yaml',
    );
  });

  it('maps the owner to the team, keeping the contact and the slack key YAML read as null, and the contact to a support channel', () => {
    expect(source.owner.slack).toBeNull();
    expect(contract.team).toEqual({
      name: 'sales-analytics',
      customProperties: [
        { property: 'contact', value: 'sales-analytics@company.com' },
        { property: 'slack', value: null },
      ],
    });
    expect(contract.support).toEqual([
      {
        channel: 'email',
        tool: 'email',
        url: 'mailto:sales-analytics@company.com',
      },
    ]);
  });

  it('maps the location and the file type to a server', () => {
    expect(contract.servers).toEqual([
      {
        server: 's3',
        type: 's3',
        location: 's3://data-products/sales/orders/',
        format: 'parquet',
      },
    ]);
    expect(contractPorts(contract)).toEqual([
      {
        direction: 'output',
        server: 's3',
        type: 's3',
        name: 's3',
        location: 's3://data-products/sales/orders/',
      },
    ]);
  });

  it('maps every field with its type, description and constraints', () => {
    expect(object.name).toBe('sales_orders_analytical');
    expect(
      object.properties!.map(p => [
        p.name,
        p.logicalType,
        p.physicalType,
        p.description,
      ]),
    ).toEqual(
      source.schema.fields.map(
        (f: { name: string; type: string; description: string }) => [
          f.name,
          {
            string: 'string',
            date: 'date',
            'decimal(12,2)': 'number',
            integer: 'integer',
          }[f.type],
          f.type,
          f.description,
        ],
      ),
    );
    expect(property('order_id')).toMatchObject({
      unique: true,
      required: true,
    });
    expect(property('order_id').primaryKey).toBeUndefined();
    expect(property('customer_id').required).toBe(true);
    expect(property('total_amount')).toMatchObject({
      required: true,
      logicalTypeOptions: { minimum: 0 },
    });
    expect(property('status').required).toBeUndefined();
    expect(property('status').quality).toEqual([
      {
        type: 'library',
        metric: 'invalidValues',
        arguments: {
          validValues: ['pending', 'completed', 'cancelled', 'refunded'],
        },
        mustBe: 0,
      },
    ]);
  });

  it('marks the partition column', () => {
    expect(property('order_date')).toMatchObject({
      required: true,
      partitioned: true,
      partitionKeyPosition: 1,
    });
    expect(object.properties!.filter(p => p.partitioned)).toHaveLength(1);
  });

  it('maps access to read and write roles, keeping discovery', () => {
    expect(contract.roles).toEqual([
      { role: 'analyst', access: 'read' },
      { role: 'data_scientist', access: 'read' },
      {
        role: 'marketing',
        access: 'read',
        customProperties: [{ property: 'domain', value: 'marketing' }],
      },
      {
        role: 'finance',
        access: 'read',
        customProperties: [{ property: 'domain', value: 'finance' }],
      },
      {
        role: 'sales',
        access: 'write',
        customProperties: [{ property: 'domain', value: 'sales' }],
      },
    ]);
    expect(custom(contract, 'access.discovery')).toBe('public');
  });

  it('maps the SLA and turns the quality checks into SQL rules', () => {
    expect(contract.slaProperties).toEqual([
      { property: 'availability', value: 99.9, unit: 'percent' },
      { property: 'freshness', value: 24, unit: 'h' },
      { property: 'frequency', value: '0 2 * * *', scheduler: 'cron' },
      { property: 'completeness', value: 99.5, unit: 'percent' },
    ]);
    expect(object.quality).toEqual(
      source.sla.quality_checks.map(
        (check: { name: string; query: string; threshold: number }) => ({
          type: 'sql',
          name: check.name,
          query: check.query,
          mustBeLessOrEqualTo: check.threshold,
        }),
      ),
    );
  });

  it('keeps observability and the changelog, breaking flags included', () => {
    expect(custom(contract, 'observability')).toEqual(source.observability);
    expect(custom(contract, 'changelog')).toEqual([
      {
        version: '2.1.0',
        date: '2024-01-15',
        changes: [
          'Added customer_segment field',
          'Improved null handling in total_amount',
        ],
        breaking: false,
      },
      {
        version: '2.0.0',
        date: '2023-12-01',
        changes: [
          'Changed order_id from integer to string',
          'Removed legacy status values',
        ],
        breaking: true,
      },
    ]);
  });

  it('loses no value of the source (constraint words become the flags asserted above)', () => {
    const flags = ['unique', 'not_null'];
    const missing = missingLeaves(source, contract).filter(
      leaf =>
        !(
          /\/constraints\/\d+$/.test(leaf.path) &&
          flags.includes(leaf.value as string)
        ),
    );
    expect(missing).toEqual([]);
  });

  it('converts to a contract the official ODCS v3.1 schema accepts', () => {
    expect(officialSchemaErrors(contract)).toEqual([]);
  });
});

describe("readDataProductYaml: the project's parcel_returns product, field by field", () => {
  const own = parse(fixture('data_product.yaml'));
  const { contract, issues } = readDataProductYaml(own);
  const [object] = contract.schema!;
  const property = (name: string) =>
    object.properties!.find(p => p.name === name)!;

  it('maps name, version, domain and description', () => {
    expect(issues).toEqual([]);
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'parcel_returns',
      name: 'parcel_returns',
      version: '1.3.0',
      domain: 'logistics',
      status: 'active',
      description: { purpose: own.description },
    });
    expect(describeContractSource(contractSource(contract))).toBe(
      'imported from data_product.yaml',
    );
  });

  it('maps the owner to the team, keeping the contact and the slack key YAML read as null, and the contact to a support channel', () => {
    expect(own.owner.slack).toBeNull();
    expect(contract.team).toEqual({
      name: 'returns-desk',
      customProperties: [
        { property: 'contact', value: 'returns-desk@example.org' },
        { property: 'slack', value: null },
      ],
    });
    expect(contract.support).toEqual([
      {
        channel: 'email',
        tool: 'email',
        url: 'mailto:returns-desk@example.org',
      },
    ]);
  });

  it('maps the location and the file type to a server, an output port', () => {
    expect(contract.servers).toEqual([
      {
        server: 's3',
        type: 's3',
        location: 's3://northwind-products/logistics/returns/',
        format: 'parquet',
      },
    ]);
    expect(contractPorts(contract)).toEqual([
      {
        direction: 'output',
        server: 's3',
        type: 's3',
        name: 's3',
        location: 's3://northwind-products/logistics/returns/',
      },
    ]);
  });

  it('maps every field with its type, description and constraints', () => {
    expect(object.name).toBe('parcel_returns');
    expect(
      object.properties!.map(p => [p.name, p.logicalType, p.physicalType]),
    ).toEqual([
      ['return_id', 'string', 'string'],
      ['handover_id', 'string', 'string'],
      ['returned_on', 'date', 'date'],
      ['refund_amount', 'number', 'decimal(10,2)'],
      ['reason', 'string', 'string'],
      ['carrier_code', 'string', 'string'],
      ['item_count', 'integer', 'integer'],
    ]);
    expect(property('return_id')).toMatchObject({
      unique: true,
      required: true,
      description: 'Identifies the return',
    });
    expect(property('return_id').primaryKey).toBeUndefined();
    expect(property('handover_id').required).toBe(true);
    expect(property('refund_amount')).toMatchObject({
      required: true,
      logicalTypeOptions: { minimum: 0 },
    });
    expect(property('reason').required).toBeUndefined();
    expect(property('reason').quality).toEqual([
      {
        type: 'library',
        metric: 'invalidValues',
        arguments: {
          validValues: ['refused', 'damaged', 'unknown_address', 'late'],
        },
        mustBe: 0,
      },
    ]);
  });

  it('marks the partition column', () => {
    expect(property('returned_on')).toMatchObject({
      required: true,
      partitioned: true,
      partitionKeyPosition: 1,
    });
    expect(object.properties!.filter(p => p.partitioned)).toHaveLength(1);
  });

  it('maps access to read and write roles, keeping discovery', () => {
    expect(contract.roles).toEqual([
      { role: 'returns_analyst', access: 'read' },
      {
        role: 'finance',
        access: 'read',
        customProperties: [{ property: 'domain', value: 'finance' }],
      },
      {
        role: 'logistics',
        access: 'write',
        customProperties: [{ property: 'domain', value: 'logistics' }],
      },
    ]);
    expect(custom(contract, 'access.discovery')).toBe('public');
  });

  it('maps the SLA and turns the quality checks into SQL rules', () => {
    expect(contract.slaProperties).toEqual([
      { property: 'availability', value: 99.5, unit: 'percent' },
      { property: 'freshness', value: 30, unit: 'h' },
      { property: 'frequency', value: '0 3 * * *', scheduler: 'cron' },
      { property: 'completeness', value: 98, unit: 'percent' },
    ]);
    expect(object.quality).toEqual([
      {
        type: 'sql',
        name: 'no_negative_refunds',
        query: 'SELECT COUNT(*) FROM returns WHERE refund_amount < 0',
        mustBeLessOrEqualTo: 0,
      },
      {
        type: 'sql',
        name: 'known_reason',
        query: own.sla.quality_checks[1].query,
        mustBeLessOrEqualTo: 0,
      },
    ]);
  });

  it('keeps observability and the changelog, breaking flags included', () => {
    expect(custom(contract, 'observability')).toEqual(own.observability);
    expect(custom(contract, 'changelog')).toEqual([
      {
        version: '1.3.0',
        date: '2025-02-10',
        changes: ['Added item_count'],
        breaking: false,
      },
      {
        version: '1.0.0',
        date: '2024-09-01',
        changes: ['Renamed parcel_id to handover_id'],
        breaking: true,
      },
    ]);
  });

  it('loses no value of the source, and reads as a valid contract with a warning on the empty slack key', () => {
    const flags = ['unique', 'not_null'];
    expect(
      missingLeaves(own, contract).filter(
        leaf =>
          !(
            /\/constraints\/\d+$/.test(leaf.path) &&
            flags.includes(leaf.value as string)
          ),
      ),
    ).toEqual([]);
    const reading = readContract(fixture('data_product.yaml'), {
      fileName: 'data_product.yaml',
    });
    expect(reading.format).toBe('data-product-yaml');
    expect(reading.valid).toBe(true);
    expect(reading.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'empty-value',
        path: '/owner/slack',
        line: 8,
        column: 3,
      }),
    ]);
  });
});

describe('readDataProductYaml: what does not map', () => {
  it('keeps constraints that do not apply or are unknown, and partition columns that are not fields', () => {
    const { contract } = readDataProductYaml({
      name: 'p',
      version: '1.0.0',
      schema: {
        location: 'warehouse.sales.orders',
        partitioned_by: ['day'],
        fields: [
          {
            name: 'code',
            type: 'string',
            constraints: [{ min: 3 }, 'lowercase', { max_length: 8 }],
            pii: true,
          },
        ],
      },
    });
    const [object] = contract.schema!;
    expect(object.properties).toEqual([
      {
        name: 'code',
        logicalType: 'string',
        physicalType: 'string',
        logicalTypeOptions: { maxLength: 8 },
        customProperties: [
          { property: 'constraints', value: ['lowercase', { min: 3 }] },
          { property: 'pii', value: true },
        ],
      },
    ]);
    expect(object.customProperties).toEqual([
      { property: 'partitioned_by', value: ['day'] },
    ]);
    expect(contract.servers).toEqual([
      { server: 'storage', type: 'custom', path: 'warehouse.sales.orders' },
    ]);
  });
});

describe('readDataProductYaml: a location that is a file', () => {
  const convert = (location: string, type?: string) =>
    readDataProductYaml({
      name: 'product-events',
      version: '1.0.0',
      schema: {
        ...(type ? { type } : {}),
        location,
        fields: [{ name: 'event_id', type: 'string' }],
      },
    }).contract;

  it('is a local server, the file its object, named as its queries name it', () => {
    const contract = convert('data/product-events/events.parquet', 'parquet');
    expect(contract.servers).toEqual([
      {
        server: 'local',
        type: 'local',
        path: 'data/product-events/events.parquet',
        format: 'parquet',
      },
    ]);
    expect(contract.schema![0]).toMatchObject({
      name: 'product-events',
      physicalName: 'events',
    });
    // the project's own validator of ODCS v3.1 finds no error
    expect(
      validateOdcs(contract).filter(issue => issue.severity === 'error'),
    ).toEqual([]);
  });

  itCorpus(
    'converts to a contract the official ODCS v3.1 schema accepts',
    () => {
      const contract = convert('data/product-events/events.parquet', 'parquet');
      expect(officialSchemaErrors(contract)).toEqual([]);
    },
  );

  it('takes the format from the extension when no type is written', () => {
    expect(convert('exports/orders.csv').servers).toEqual([
      {
        server: 'local',
        type: 'local',
        path: 'exports/orders.csv',
        format: 'csv',
      },
    ]);
  });

  it('stays a custom server when the path climbs out, the type disagrees or no file format is named', () => {
    for (const [location, type] of [
      ['../elsewhere/events.parquet', 'parquet'],
      ['data/events.parquet', 'csv'],
      ['data/events/', 'parquet'],
      ['warehouse.sales.orders', undefined],
    ] as const) {
      const contract = convert(location, type);
      expect(contract.servers?.[0]).toMatchObject({ type: 'custom' });
      expect(contract.schema![0].physicalName).toBeUndefined();
    }
  });
});
