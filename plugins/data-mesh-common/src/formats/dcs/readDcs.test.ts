import { parse } from 'yaml';
import { contractSource, describeContractSource } from '../provenance';
import { missingLeaves } from '../__testUtils__/leafCoverage';
import { officialSchemaErrors } from '../__testUtils__/officialOdcsSchema';
import { readContract } from '../../read';
import {
  corpusFiles,
  corpusText,
  describeCorpus,
  eachCorpus,
  HAS_CORPUS,
  itCorpus,
} from '../../__testUtils__/corpus';
import { fixture } from '../../__testUtils__/fixtures';
import { readDcs } from './readDcs';

const readExample = (name: string) =>
  HAS_CORPUS
    ? parse(corpusText('dcs/examples', `${name}--datacontract.yaml`))
    : undefined;

/** The custom property `name` of an object converted by the reader. */
function custom(object: unknown, name: string): unknown {
  const list = (
    object as { customProperties?: Array<{ property: string; value: unknown }> }
  ).customProperties;
  const found = list?.filter(entry => entry.property === name) ?? [];
  if (found.length !== 1)
    throw new Error(
      `expected one custom property "${name}", found ${found.length}`,
    );
  return found[0].value;
}

describeCorpus('readDcs: orders-latest (DCS 1.2.0), field by field', () => {
  const source = readExample('orders-latest') ?? {};
  const { contract, issues } = readDcs(source);
  const [orders, lineItems] = contract.schema ?? [];
  const property = (object: typeof orders, name: string) =>
    object.properties!.find(p => p.name === name)!;

  it('records where it came from', () => {
    expect(contractSource(contract)).toEqual({
      format: 'dcs',
      version: '1.2.0',
    });
    expect(describeContractSource(contractSource(contract))).toBe(
      'imported from DCS 1.2.0',
    );
    expect(issues).toEqual([]);
  });

  it('maps id and info', () => {
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders-latest',
      name: 'Orders Latest',
      version: '2.0.0',
      status: 'active',
      team: { name: 'Checkout Team' },
      support: [
        {
          channel: 'John Doe (Data Product Owner)',
          url: 'https://teams.microsoft.com/l/channel/example/checkout',
        },
      ],
    });
    expect(contract.description!.purpose).toBe(source.info.description);
  });

  it('maps terms to the description, keeping policies, billing and notice period', () => {
    expect(contract.description!.usage).toBe(source.terms.usage);
    expect(contract.description!.limitations).toBe(source.terms.limitations);
    expect(custom(contract.description, 'policies')).toEqual(
      source.terms.policies,
    );
    expect(custom(contract.description, 'billing')).toBe('5000 USD per month');
    expect(custom(contract.description, 'noticePeriod')).toBe('P3M');
  });

  it('maps the server, its roles and its templated location as written', () => {
    expect(contract.servers).toEqual([
      {
        server: 'production',
        type: 's3',
        description: 'One folder per model. One file per day.',
        environment: 'prod',
        location: 's3://datacontract-example-orders-latest/v2/{model}/*.json',
        format: 'json',
        delimiter: 'new_line',
        roles: [
          {
            role: 'analyst_us',
            description: 'Access to the data for US region',
          },
          {
            role: 'analyst_cn',
            description: 'Access to the data for China region',
          },
        ],
      },
    ]);
  });

  it('maps models to schema objects, with examples kept', () => {
    expect(
      contract.schema!.map(o => [o.name, o.physicalType, o.logicalType]),
    ).toEqual([
      ['orders', 'table', 'object'],
      ['line_items', 'table', 'object'],
    ]);
    expect(orders.description).toBe(
      'One record per order. Includes cancelled and deleted orders.',
    );
    expect(custom(orders, 'examples')).toEqual(source.models.orders.examples);
    expect(custom(lineItems, 'examples')).toEqual(
      source.models.line_items.examples,
    );
    expect(orders.properties!.map(p => p.name)).toEqual(
      Object.keys(source.models.orders.fields),
    );
  });

  it('resolves $ref: the definition fills in, the field wins, the $ref is kept', () => {
    expect(property(orders, 'order_id')).toEqual({
      name: 'order_id',
      businessName: 'Order ID',
      description:
        'An internal ID that identifies an order in the online shop.',
      logicalType: 'string',
      logicalTypeOptions: { format: 'uuid' },
      physicalType: 'text',
      required: true,
      unique: true,
      primaryKey: true,
      classification: 'restricted',
      tags: ['orders'],
      examples: ['243c25e5-a081-43a9-aeab-6d5d5b6cb5e2'],
      customProperties: [
        { property: 'pii', value: true },
        { property: '$ref', value: '#/definitions/order_id' },
      ],
    });
    const sku = property(lineItems, 'sku');
    expect(sku.description).toBe('The purchased article number');
    expect(sku.logicalTypeOptions).toEqual({ pattern: '^[A-Za-z0-9]{8,14}$' });
    expect(sku.authoritativeDefinitions).toEqual([
      {
        type: 'wikipedia',
        url: 'https://en.wikipedia.org/wiki/Stock_keeping_unit',
      },
    ]);
    expect(custom(contract, 'definitions')).toEqual(source.definitions);
  });

  it('maps types, constraints, examples, tags and quality of fields', () => {
    expect(property(orders, 'order_timestamp')).toMatchObject({
      logicalType: 'timestamp',
      physicalType: 'timestamp',
      required: true,
      examples: ['2024-09-09T08:30:00Z'],
      tags: ['business-timestamp'],
    });
    expect(property(orders, 'order_total')).toMatchObject({
      logicalType: 'integer',
      physicalType: 'long',
      examples: [9999],
      quality: [
        {
          type: 'sql',
          description:
            '95% of all order total values are expected to be between 10 and 499 EUR.',
          query: source.models.orders.fields.order_total.quality[0].query,
          mustBeBetween: [1000, 49900],
        },
      ],
    });
    expect(property(orders, 'customer_id')).toMatchObject({
      logicalType: 'string',
      logicalTypeOptions: { minLength: 10, maxLength: 20 },
    });
  });

  it('keeps pii, classification, lineage, and each config entry as a custom property', () => {
    const email = property(orders, 'customer_email_address');
    expect(email).toMatchObject({
      logicalTypeOptions: { format: 'email' },
      classification: 'sensitive',
      quality: [
        {
          type: 'text',
          description: 'The email address is not verified and may be invalid.',
        },
      ],
    });
    expect(custom(email, 'pii')).toBe(true);
    expect(custom(email, 'lineage')).toEqual(
      source.models.orders.fields.customer_email_address.lineage,
    );
    const processed = property(orders, 'processed_timestamp');
    expect(custom(processed, 'jsonType')).toBe('string');
    expect(custom(processed, 'jsonFormat')).toBe('date-time');
  });

  it('maps references to relationships and the compound primary key to positions', () => {
    expect(property(lineItems, 'order_id').relationships).toEqual([
      { type: 'foreignKey', to: 'orders.order_id' },
    ]);
    expect(property(lineItems, 'order_id')).toMatchObject({
      primaryKey: true,
      primaryKeyPosition: 1,
    });
    expect(property(lineItems, 'line_item_id')).toMatchObject({
      primaryKey: true,
      primaryKeyPosition: 2,
    });
    expect(property(lineItems, 'sku').primaryKey).toBeUndefined();
  });

  it('maps model quality', () => {
    expect(orders.quality!.map(rule => [rule.type, rule.description])).toEqual([
      [
        'sql',
        'The maximum duration between two orders should be less that 3600 seconds',
      ],
      ['sql', 'Row Count'],
    ]);
    expect(orders.quality![0].mustBeLessThan).toBe(3600);
    expect(orders.quality![1].mustBeGreaterThan).toBe(5);
  });

  it('maps service levels to SLA properties, availability as availability', () => {
    expect(contract.slaProperties).toEqual([
      {
        property: 'availability',
        value: 99.9,
        unit: 'percent',
        description: 'The server is available during support hours',
      },
      {
        property: 'retention',
        value: 1,
        unit: 'y',
        description: 'Data is retained for one year',
      },
      {
        property: 'latency',
        value: 25,
        unit: 'h',
        element: 'orders.order_timestamp,orders.processed_timestamp',
        description:
          'Data is available within 25 hours after the order was placed',
      },
      {
        property: 'freshness',
        value: 25,
        unit: 'h',
        element: 'orders.order_timestamp',
        description: 'The age of the youngest row in a table.',
      },
      {
        property: 'frequency',
        value: 'daily',
        scheduler: 'cron',
        schedule: '0 0 * * *',
        description: 'Data is delivered once a day',
      },
      {
        property: 'support',
        value: '9am to 5pm in EST on business days',
        description:
          'The data is available during typical business hours at headquarters',
      },
      { property: 'supportResponseTime', value: 1, unit: 'h' },
      {
        property: 'backup',
        value: 'weekly',
        scheduler: 'cron',
        schedule: '0 0 * * 0',
        description: 'Data is backed up once a week, every Sunday at 0:00 UTC.',
      },
      { property: 'backupRecoveryTime', value: 24, unit: 'h' },
      { property: 'backupRecoveryPoint', value: 1, unit: 'w' },
    ]);
    expect(custom(contract, 'servicelevels.retention.unlimited')).toBe(false);
    expect(custom(contract, 'servicelevels.frequency.type')).toBe('batch');
  });

  it('maps tags and links', () => {
    expect(contract.tags).toEqual(['checkout', 'orders', 's3']);
    expect(contract.authoritativeDefinitions).toEqual([
      { type: 'datacontractCli', url: 'https://cli.datacontract.com' },
    ]);
  });
});

describeCorpus('readDcs: covid-cases (DCS 0.9.3), field by field', () => {
  const source = readExample('covid-cases') ?? {};
  const { contract, issues } = readDcs(source);

  it('maps id, info and the info links', () => {
    expect(issues).toEqual([]);
    expect(contractSource(contract)).toEqual({
      format: 'dcs',
      version: '0.9.3',
    });
    expect(contract).toMatchObject({
      id: 'covid_cases',
      name: 'COVID-19 cases',
      version: '0.0.1',
      description: { purpose: source.info.description },
    });
    expect(contract.authoritativeDefinitions).toEqual(
      Object.entries(source.info.links).map(([type, url]) => ({ type, url })),
    );
  });

  it('maps the server', () => {
    expect(contract.servers).toEqual([
      {
        server: 's3-json',
        type: 's3',
        location: 's3://covid19-lake/enigma-jhu/json/*.json',
        format: 'json',
        delimiter: 'new_line',
      },
    ]);
  });

  it('maps every field with its type and description', () => {
    const [model] = contract.schema!;
    expect(model.name).toBe('covid_cases');
    expect(model.description).toBe(source.models.covid_cases.description);
    expect(
      model.properties!.map(p => [
        p.name,
        p.logicalType,
        p.physicalType,
        p.description,
      ]),
    ).toEqual([
      ['fips', 'string', 'string', 'state and county two digits code'],
      ['admin2', 'string', 'string', 'county name'],
      ['province_state', 'string', 'string', 'province name or state name'],
      ['country_region', 'string', 'string', 'country name or region name'],
      ['last_update', 'timestamp', 'timestamp_ntz', 'last update timestamp'],
      ['latitude', 'number', 'double', 'location (latitude)'],
      ['longitude', 'number', 'double', 'location (longitude)'],
      ['confirmed', 'integer', 'int', 'number of confirmed cases'],
      [
        'combined_key',
        'string',
        'string',
        'county name+state name+country name',
      ],
    ]);
    expect(model.properties![4].logicalTypeOptions).toEqual({
      timezone: false,
    });
  });

  it('moves the 0.9 SodaCL quality block onto the model it checks', () => {
    expect(contract.schema![0].quality).toEqual([
      {
        type: 'custom',
        engine: 'soda',
        implementation: {
          'checks for covid_cases': [
            'freshness(last_update::datetime) < 5000d',
            'row_count > 1000',
          ],
        },
        customProperties: [{ property: 'type', value: 'SodaCL' }],
      },
    ]);
  });
});

describe('readDcs: every example of the corpus', () => {
  const files = corpusFiles('dcs/examples').filter(f => f.endsWith('.yaml'));

  itCorpus('finds the seven examples', () => {
    expect(files).toHaveLength(7);
  });

  eachCorpus(files, '%s: loses no value of the source', file => {
    const source = parse(corpusText('dcs/examples', file));
    expect(missingLeaves(source, readDcs(source).contract)).toEqual([]);
  });

  eachCorpus(
    files,
    '%s: converts to a contract the official ODCS v3.1 schema accepts',
    file => {
      const source = parse(corpusText('dcs/examples', file));
      const { contract, issues } = readDcs(source);
      expect(issues).toEqual([]);
      expect(officialSchemaErrors(contract)).toEqual([]);
    },
  );
});

describe("readDcs: the project's parcels contract (DCS 1.2.1), field by field", () => {
  const source = parse(fixture('parcels.dcs.yaml'));
  const { contract, issues } = readDcs(source);
  const [handovers, labels] = contract.schema!;
  const property = (object: typeof handovers, name: string) =>
    object.properties!.find(p => p.name === name)!;

  it('records where it came from', () => {
    expect(contractSource(contract)).toEqual({
      format: 'dcs',
      version: '1.2.1',
    });
    expect(issues).toEqual([]);
  });

  it('maps id and info: title to name, owner to team, contact to a support channel', () => {
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'parcels-handover',
      name: 'Parcels Handover',
      version: '3.1.0',
      status: 'active',
      team: { name: 'Dock Operations' },
      support: [
        {
          channel: 'Ana Lindqvist (product owner)',
          url: 'https://chat.example.org/channels/dock-data',
        },
      ],
    });
    expect(contract.description!.purpose).toBe(source.info.description);
  });

  it('maps terms to the description, keeping policies, billing and notice period', () => {
    expect(contract.description!.usage).toBe(source.terms.usage);
    expect(contract.description!.limitations).toBe(source.terms.limitations);
    expect(custom(contract.description, 'policies')).toEqual(
      source.terms.policies,
    );
    expect(custom(contract.description, 'billing')).toBe('120 EUR per month');
    expect(custom(contract.description, 'noticePeriod')).toBe('P1M');
  });

  it('maps the server, its roles and its templated location as written', () => {
    expect(contract.servers).toEqual([
      {
        server: 'archive',
        type: 's3',
        description: 'A folder per model, a file per hour.',
        environment: 'prod',
        location: 's3://northwind-archive/parcels/{model}/*.json',
        format: 'json',
        delimiter: 'new_line',
        roles: [
          {
            role: 'reconciliation',
            description: 'Reads hand-overs to check carrier invoices',
          },
          {
            role: 'customer_care',
            description: 'Reads hand-overs to answer customers',
          },
        ],
      },
    ]);
  });

  it('maps models to schema objects, with examples kept', () => {
    expect(
      contract.schema!.map(o => [o.name, o.physicalType, o.logicalType]),
    ).toEqual([
      ['handovers', 'table', 'object'],
      ['labels', 'table', 'object'],
    ]);
    expect(handovers.description).toBe(
      'One record per parcel handed to a carrier.',
    );
    expect(custom(handovers, 'examples')).toEqual(
      source.models.handovers.examples,
    );
    expect(custom(labels, 'examples')).toEqual(source.models.labels.examples);
    expect(handovers.properties!.map(p => p.name)).toEqual(
      Object.keys(source.models.handovers.fields),
    );
  });

  it('resolves $ref: the definition fills in, the field wins, the $ref is kept', () => {
    expect(property(handovers, 'handover_id')).toEqual({
      name: 'handover_id',
      businessName: 'Hand-over ID',
      description: 'Identifies the hand-over of one parcel.',
      logicalType: 'string',
      logicalTypeOptions: { format: 'uuid' },
      physicalType: 'text',
      required: true,
      unique: true,
      primaryKey: true,
      classification: 'internal',
      tags: ['handover'],
      examples: ['0d0c9a7e-3b2f-4c55-8b1e-2f8a9c7d6e51'],
      customProperties: [
        { property: 'pii', value: false },
        { property: '$ref', value: '#/definitions/handover_id' },
      ],
    });
    const barcode = property(labels, 'barcode');
    expect(barcode.description).toBe('The printed barcode');
    expect(barcode.logicalTypeOptions).toEqual({
      pattern: '^[A-Z]{2}[0-9]{9}[A-Z]{2}$',
    });
    expect(barcode.authoritativeDefinitions).toEqual([
      { type: 'standard', url: 'https://wiki.example.org/standards/barcode' },
    ]);
    expect(custom(contract, 'definitions')).toEqual(source.definitions);
  });

  it('maps types, constraints, examples, tags and quality of fields', () => {
    expect(property(handovers, 'handed_over_at')).toMatchObject({
      logicalType: 'timestamp',
      physicalType: 'timestamp',
      required: true,
      examples: ['2025-03-04T07:15:00Z'],
      tags: ['event-time'],
    });
    expect(property(handovers, 'weight_grams')).toMatchObject({
      logicalType: 'integer',
      physicalType: 'long',
      examples: [1250],
      quality: [
        {
          type: 'sql',
          description: 'Nine parcels in ten weigh between 100 g and 20 kg.',
          query: source.models.handovers.fields.weight_grams.quality[0].query,
          mustBeBetween: [100, 20000],
        },
      ],
    });
    expect(property(handovers, 'carrier_code')).toMatchObject({
      logicalType: 'string',
      logicalTypeOptions: { minLength: 3, maxLength: 5 },
    });
  });

  it('keeps pii, classification, lineage, and each config entry as a custom property', () => {
    const email = property(handovers, 'recipient_email');
    expect(email).toMatchObject({
      logicalTypeOptions: { format: 'email' },
      classification: 'confidential',
      quality: [
        {
          type: 'text',
          description: 'Addresses are not checked; some bounce.',
        },
      ],
    });
    expect(custom(email, 'pii')).toBe(true);
    expect(custom(email, 'lineage')).toEqual(
      source.models.handovers.fields.recipient_email.lineage,
    );
    const loaded = property(handovers, 'loaded_at');
    expect(custom(loaded, 'jsonType')).toBe('string');
    expect(custom(loaded, 'jsonFormat')).toBe('date-time');
  });

  it('maps references to relationships and the compound primary key to positions', () => {
    expect(property(labels, 'handover_id').relationships).toEqual([
      { type: 'foreignKey', to: 'handovers.handover_id' },
    ]);
    expect(property(labels, 'handover_id')).toMatchObject({
      primaryKey: true,
      primaryKeyPosition: 1,
    });
    expect(property(labels, 'label_no')).toMatchObject({
      primaryKey: true,
      primaryKeyPosition: 2,
    });
    expect(property(labels, 'barcode').primaryKey).toBeUndefined();
  });

  it('maps model quality', () => {
    expect(
      handovers.quality!.map(rule => [rule.type, rule.description]),
    ).toEqual([
      [
        'sql',
        'No gap between two hand-overs is longer than two hours on a working day',
      ],
      ['sql', 'Enough rows'],
    ]);
    expect(handovers.quality![0].mustBeLessThan).toBe(7200);
    expect(handovers.quality![1].mustBeGreaterThan).toBe(100);
  });

  it('maps service levels to SLA properties, availability as availability', () => {
    expect(contract.slaProperties).toEqual([
      {
        property: 'availability',
        value: 99.5,
        unit: 'percent',
        description: 'The bucket answers during business hours',
      },
      {
        property: 'retention',
        value: 5,
        unit: 'y',
        description: 'Hand-overs are kept for five years',
      },
      {
        property: 'latency',
        value: 2,
        unit: 'h',
        element: 'handovers.handed_over_at,handovers.loaded_at',
        description: 'A hand-over is in the archive within 2 hours',
      },
      {
        property: 'freshness',
        value: 3,
        unit: 'h',
        element: 'handovers.handed_over_at',
        description: 'The newest hand-over is at most 3 hours old',
      },
      {
        property: 'frequency',
        value: 'hourly',
        scheduler: 'cron',
        schedule: '0 * * * *',
        description: 'Loaded every hour',
      },
      {
        property: 'support',
        value: '7am to 7pm CET on working days',
        description: 'The dock data team answers on working days',
      },
      { property: 'supportResponseTime', value: 4, unit: 'h' },
      {
        property: 'backup',
        value: 'daily',
        scheduler: 'cron',
        schedule: '0 2 * * *',
        description: 'Backed up every night.',
      },
      { property: 'backupRecoveryTime', value: 8, unit: 'h' },
      { property: 'backupRecoveryPoint', value: 1, unit: 'd' },
    ]);
    expect(custom(contract, 'servicelevels.retention.unlimited')).toBe(false);
    expect(custom(contract, 'servicelevels.frequency.type')).toBe('batch');
  });

  it('maps tags and links', () => {
    expect(contract.tags).toEqual(['logistics', 'parcels', 's3']);
    expect(contract.authoritativeDefinitions).toEqual([
      { type: 'runbook', url: 'https://wiki.example.org/runbooks/parcels' },
    ]);
  });

  it('loses no value of the source, and converts to a valid contract', () => {
    expect(missingLeaves(source, contract)).toEqual([]);
    const reading = readContract(fixture('parcels.dcs.yaml'));
    expect(reading.valid).toBe(true);
    expect(reading.issues.map(i => [i.severity, i.rule, i.path])).toEqual([
      ['warning', 'templated-uri', '/servers/archive/location'],
    ]);
  });
});

describe("readDcs: the project's weather stations contract (DCS 0.9.3)", () => {
  const source = parse(fixture('stations.dcs.yaml'));
  const { contract, issues } = readDcs(source);

  it('maps id, info, the info links and the server', () => {
    expect(issues).toEqual([]);
    expect(contractSource(contract)).toEqual({
      format: 'dcs',
      version: '0.9.3',
    });
    expect(contract).toMatchObject({
      id: 'weather_stations',
      name: 'Weather stations',
      version: '0.1.0',
      description: { purpose: source.info.description },
    });
    expect(contract.authoritativeDefinitions).toEqual(
      Object.entries(source.info.links).map(([type, url]) => ({ type, url })),
    );
    expect(contract.servers).toEqual([
      {
        server: 's3-json',
        type: 's3',
        location: 's3://docks-weather/readings/*.json',
        format: 'json',
        delimiter: 'new_line',
      },
    ]);
  });

  it('maps every field with its type and description', () => {
    const [model] = contract.schema!;
    expect(
      model.properties!.map(p => [
        p.name,
        p.logicalType,
        p.physicalType,
        p.description,
      ]),
    ).toEqual([
      ['station', 'string', 'string', "the station's code"],
      ['read_at', 'timestamp', 'timestamp_ntz', 'when it was read'],
      ['temperature', 'number', 'double', 'degrees Celsius'],
      ['rain_mm', 'integer', 'int', 'rain in the last hour'],
    ]);
    expect(model.properties![1].logicalTypeOptions).toEqual({
      timezone: false,
    });
  });

  it('moves the 0.9 SodaCL quality block onto the model it checks', () => {
    expect(contract.schema![0].quality).toEqual([
      {
        type: 'custom',
        engine: 'soda',
        implementation: {
          'checks for readings': [
            'freshness(read_at::datetime) < 2d',
            'row_count > 10',
          ],
        },
        customProperties: [{ property: 'type', value: 'SodaCL' }],
      },
    ]);
    expect(missingLeaves(source, contract)).toEqual([]);
  });
});
