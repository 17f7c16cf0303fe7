import { parse } from 'yaml';
import { isPersonalData } from '../../pii';
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
import { readDatameshV1 } from './readDatameshV1';

describeCorpus('readDatameshV1: orders-daily, field by field', () => {
  const source = HAS_CORPUS
    ? parse(corpusText('design-notes/orders-daily.datamesh-v1.yaml'))
    : {};
  const { contract, issues, origins } = readDatameshV1(source);

  it('maps metadata', () => {
    expect(issues).toEqual([]);
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders-daily',
      name: 'orders-daily',
      domain: 'order',
      team: { name: 'order-team@company.com' },
      version: '2.1.0',
      status: 'active',
    });
    expect(contract.support).toEqual([
      { channel: 'email', tool: 'email', url: 'mailto:order-team@company.com' },
    ]);
    expect(origins.get('/support/0')).toBe('/metadata/owner');
    expect(contractSource(contract)).toEqual({
      format: 'datamesh-v1',
      version: 'datamesh/v1',
    });
    expect(describeContractSource(contractSource(contract))).toBe(
      'imported from datamesh/v1',
    );
  });

  it('keeps the schema type and reference, and marks the PII columns', () => {
    const [object] = contract.schema ?? [];
    expect(object.name).toBe('orders-daily');
    expect(object.customProperties).toEqual([
      { property: 'schemaType', value: 'avro' },
      { property: 'schemaRef', value: 'schemas/orders-daily-v2.avsc' },
    ]);
    expect(object.properties!.map(p => p.name)).toEqual([
      'customer_email',
      'phone',
    ]);
    expect(object.properties!.every(isPersonalData)).toBe(true);
    expect(origins.get('/schema/0/properties/1')).toBe(
      '/spec/classification/pii/1',
    );
  });

  it('maps the SLOs and the retention to SLA properties', () => {
    expect(contract.slaProperties).toEqual([
      { property: 'freshness', value: 1, unit: 'h' },
      { property: 'completeness', value: 99.5, unit: 'percent' },
      { property: 'accuracy', value: 99.9, unit: 'percent' },
      { property: 'availability', value: 99.95, unit: 'percent' },
      { property: 'retention', value: 7, unit: 'y' },
    ]);
    expect(origins.get('/slaProperties/4')).toBe(
      '/spec/classification/retention',
    );
  });

  it('keeps the ports in a form the catalog turns into lineage', () => {
    expect(contract.customProperties).toContainEqual({
      property: 'inputPorts',
      value: [{ type: 'kafka-topic', name: 'orders.events' }],
    });
    expect(contract.servers).toEqual([
      {
        server: 'rest-api',
        type: 'custom',
        path: '/data-products/orders',
        customProperties: [{ property: 'portType', value: 'rest-api' }],
      },
      {
        server: 'iceberg-table',
        type: 'custom',
        catalog: 'orders.daily_summary',
        customProperties: [{ property: 'portType', value: 'iceberg-table' }],
      },
    ]);
    expect(contractPorts(contract)).toEqual([
      { direction: 'input', type: 'kafka-topic', name: 'orders.events' },
      {
        direction: 'output',
        server: 'rest-api',
        type: 'rest-api',
        name: 'rest-api',
        location: '/data-products/orders',
      },
      {
        direction: 'output',
        server: 'iceberg-table',
        type: 'iceberg-table',
        name: 'iceberg-table',
        location: 'orders.daily_summary',
      },
    ]);
  });

  it('loses no value of the source', () => {
    expect(missingLeaves(source, contract)).toEqual([]);
  });

  it('converts to a contract the official ODCS v3.1 schema accepts', () => {
    expect(officialSchemaErrors(contract)).toEqual([]);
  });
});

describe("readDatameshV1: the project's parcels-daily contract, field by field", () => {
  const source = parse(fixture('parcels-daily.datamesh-v1.yaml'));
  const { contract, issues, origins } = readDatameshV1(source);

  it('maps metadata, the owner to the team and to an email support channel', () => {
    expect(issues).toEqual([]);
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'parcels-daily',
      name: 'parcels-daily',
      domain: 'logistics',
      team: { name: 'dock-data@example.org' },
      version: '1.4.0',
      status: 'active',
    });
    expect(contract.support).toEqual([
      { channel: 'email', tool: 'email', url: 'mailto:dock-data@example.org' },
    ]);
    expect(origins.get('/support/0')).toBe('/metadata/owner');
    expect(contractSource(contract)).toEqual({
      format: 'datamesh-v1',
      version: 'datamesh/v1',
    });
  });

  it('keeps the schema type and reference, and marks the PII columns', () => {
    const [object] = contract.schema!;
    expect(object.name).toBe('parcels-daily');
    expect(object.customProperties).toEqual([
      { property: 'schemaType', value: 'parquet' },
      { property: 'schemaRef', value: 'schemas/parcels-daily-v1.json' },
    ]);
    expect(object.properties!.map(p => p.name)).toEqual([
      'recipient_email',
      'recipient_phone',
    ]);
    expect(object.properties!.every(isPersonalData)).toBe(true);
    expect(origins.get('/schema/0/properties/1')).toBe(
      '/spec/classification/pii/1',
    );
  });

  it('maps the SLOs and the retention to SLA properties', () => {
    expect(contract.slaProperties).toEqual([
      { property: 'freshness', value: 2, unit: 'h' },
      { property: 'completeness', value: 98, unit: 'percent' },
      { property: 'accuracy', value: 99.5, unit: 'percent' },
      { property: 'availability', value: 99.9, unit: 'percent' },
      { property: 'retention', value: 5, unit: 'y' },
    ]);
    expect(origins.get('/slaProperties/4')).toBe(
      '/spec/classification/retention',
    );
  });

  it('keeps the ports in a form the catalog turns into lineage', () => {
    expect(contract.customProperties).toContainEqual({
      property: 'inputPorts',
      value: [{ type: 'kafka-topic', name: 'docks.handovers' }],
    });
    expect(contractPorts(contract)).toEqual([
      { direction: 'input', type: 'kafka-topic', name: 'docks.handovers' },
      {
        direction: 'output',
        server: 'rest-api',
        type: 'rest-api',
        name: 'rest-api',
        location: '/data-products/parcels',
      },
      {
        direction: 'output',
        server: 'iceberg-table',
        type: 'iceberg-table',
        name: 'iceberg-table',
        location: 'logistics.parcels_daily',
      },
    ]);
  });

  it('loses no value of the source, and reads as a valid contract', () => {
    expect(missingLeaves(source, contract)).toEqual([]);
    expect(readContract(fixture('parcels-daily.datamesh-v1.yaml'))).toMatchObject({
      format: 'datamesh-v1',
      valid: true,
      issues: [],
    });
  });
});

describe('readDatameshV1: keys with no ODCS place', () => {
  it('keeps them as custom properties named by their path', () => {
    const { contract } = readDatameshV1({
      apiVersion: 'datamesh/v1',
      kind: 'DataContract',
      metadata: { name: 'x', version: '1.0.0', labels: { tier: 'gold' } },
      spec: {
        slo: { freshness: '1h', window: { days: 30 } },
        classification: { pii: ['email'], level: 'internal' },
        ports: {
          output: [
            { type: 'rest-api', path: '/a' },
            { type: 'rest-api', path: '/b', auth: 'oauth' },
          ],
        },
        lineage: 'see wiki',
      },
      owner: 'someone',
    });
    expect(contract.customProperties).toEqual([
      { property: 'sourceFormat', value: 'datamesh-v1' },
      { property: 'sourceFormatVersion', value: 'datamesh/v1' },
      { property: 'metadata.labels', value: { tier: 'gold' } },
      { property: 'spec.slo.window', value: { days: 30 } },
      { property: 'spec.classification.level', value: 'internal' },
      { property: 'spec.lineage', value: 'see wiki' },
      { property: 'owner', value: 'someone' },
    ]);
    expect(contract.servers!.map(server => server.server)).toEqual([
      'rest-api',
      'rest-api-2',
    ]);
    expect(contract.servers![1].customProperties).toEqual([
      { property: 'portType', value: 'rest-api' },
      { property: 'auth', value: 'oauth' },
    ]);
  });
});
