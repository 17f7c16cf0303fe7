import { evaluatePolicies } from '../governance/evaluatePolicies';
import { layerPolicies } from '../governance/layering';
import { validateOdcs } from '../odcs/validate';
import { completeDraftInput } from './__testUtils__/completeDraftInput';
import { draftDataProduct } from './draftDataProduct';
import { DataProductDraftInput } from './types';

function govern(input: DataProductDraftInput) {
  const { entity, contract } = draftDataProduct(input);
  return evaluatePolicies(layerPolicies([]), {
    entity,
    contract,
    contractIssues: validateOdcs(contract),
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

function failing(input: DataProductDraftInput) {
  return govern(input)
    .results.filter(r => r.outcome !== 'pass')
    .map(r => `${r.id}:${r.outcome}`);
}

describe('draftDataProduct', () => {
  it('drafts a valid ODCS contract from a complete form', () => {
    const { contract } = draftDataProduct(completeDraftInput());
    expect(validateOdcs(contract)).toEqual([]);
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'urn:datacontract:sales:web-orders',
      name: 'Web orders',
      version: '1.0.0',
      status: 'draft',
      domain: 'sales',
      team: { name: 'sales-analytics' },
      support: [{ channel: 'email', url: 'mailto:sales-data@example.com' }],
    });
  });

  it('a complete form passes every built-in policy', () => {
    expect(failing(completeDraftInput())).toEqual([]);
  });

  it('drafts the entity of the decided data-product shape', () => {
    const { entity } = draftDataProduct(completeDraftInput());
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'web-orders',
        title: 'Web orders',
        description: 'Every order placed in the web shop, one row per order.',
        tags: ['sales'],
        annotations: {
          'data-mesh/contract': './contract.odcs.yaml',
          'data-mesh/classification': 'confidential',
        },
      },
      spec: {
        type: 'data-product',
        lifecycle: 'experimental',
        owner: 'group:default/sales-analytics',
        system: 'sales-data',
        dataProduct: {
          kind: 'source-aligned',
          inputPorts: [
            {
              name: 'orders-events',
              type: 'kafka-topic',
              location: 'orders.v1',
            },
          ],
        },
      },
    });
  });

  it('turns picked upstream products into input ports named after them', () => {
    const { entity } = draftDataProduct({
      ...completeDraftInput(),
      productKind: 'aggregate',
      inputPorts: [
        'component:default/sales-orders',
        'component:default/customer-segments',
        '',
      ],
    });
    expect(entity.spec.dataProduct.inputPorts).toEqual([
      { name: 'sales-orders', product: 'component:default/sales-orders' },
      {
        name: 'customer-segments',
        product: 'component:default/customer-segments',
      },
    ]);
  });

  it('writes key, required and unique fields with the quality rules they imply', () => {
    const [object] = draftDataProduct(completeDraftInput()).contract.schema!;
    expect(object.name).toBe('web_orders');
    expect(object.quality).toEqual([
      expect.objectContaining({ metric: 'rowCount', mustBeGreaterThan: 0 }),
    ]);
    const orderId = object.properties!.find(p => p.name === 'order_id')!;
    expect(orderId).toMatchObject({
      primaryKey: true,
      required: true,
      unique: true,
      physicalType: 'varchar',
    });
    expect(orderId.quality!.map(q => q.metric)).toEqual([
      'nullValues',
      'duplicateValues',
    ]);
    const email = object.properties!.find(p => p.name === 'customer_email')!;
    expect(email).toMatchObject({
      tags: ['pii'],
      encryptedName: 'customer_email_enc',
      customProperties: [{ property: 'piiCategory', value: 'contact' }],
    });
    expect(email.quality).toBeUndefined();
  });

  it('writes the service levels as SLA properties, freshness on the first timestamp', () => {
    const { contract } = draftDataProduct(completeDraftInput());
    expect(contract.slaProperties).toEqual([
      expect.objectContaining({
        property: 'freshness',
        value: 24,
        unit: 'h',
        element: 'web_orders.ordered_at',
      }),
      { property: 'completeness', value: 99.5, unit: 'percent' },
      { property: 'accuracy', value: 99.9, unit: 'percent' },
      { property: 'availability', value: 99.9, unit: 'percent' },
      { property: 'retention', value: 7, unit: 'y' },
    ]);
  });

  it('reads durations written as text', () => {
    const { contract } = draftDataProduct({
      ...completeDraftInput(),
      slos: { freshness: '2 d', retention: '3', completeness: '99%' },
    });
    expect(contract.slaProperties).toEqual([
      expect.objectContaining({ property: 'freshness', value: 2, unit: 'd' }),
      { property: 'completeness', value: 99, unit: 'percent' },
      { property: 'retention', value: 3, unit: 'y' },
    ]);
  });

  it('blocks a personal-data field that is not encrypted, and names it', () => {
    const input = completeDraftInput();
    input.fields![1].encrypted = false;
    const verdict = govern(input);
    expect(verdict.blocked).toBe(true);
    const result = verdict.results.find(r => r.id === 'pii-encryption')!;
    expect(result.outcome).toBe('block');
    expect(result.message).toContain('web_orders.customer_email');
    expect(result.remediation).toBeDefined();
  });

  it('lets governance report what a half-filled form lacks instead of inventing it', () => {
    expect(failing({ name: 'half-done', owner: 'sales-analytics' })).toEqual(
      expect.arrayContaining([
        'data-classification:block',
        'schema-defined:block',
        'slo-defined:block',
        'data-retention:block',
        'owner-contact:block',
      ]),
    );
  });

  it('a field without a description blocks with the field named', () => {
    const input = completeDraftInput();
    delete input.fields![2].description;
    const result = govern(input).results.find(
      r => r.id === 'field-descriptions',
    )!;
    expect(result.outcome).toBe('block');
    expect(result.message).toContain('web_orders.total_amount');
  });

  it('describes the output port as the ODCS server of its type', () => {
    const server = (type: string, port: object) =>
      draftDataProduct({
        ...completeDraftInput(),
        outputPort: { name: 'out', type, ...port },
      }).contract.servers;
    expect(
      server('postgres', {
        host: 'db',
        port: '5432',
        database: 'mesh',
        schema: 'sales',
        location: 'ignored',
      }),
    ).toEqual([
      {
        server: 'out',
        type: 'postgres',
        host: 'db',
        port: 5432,
        database: 'mesh',
        schema: 'sales',
      },
    ]);
    expect(
      server('local', {
        location: 'data/web-orders.parquet',
        format: 'parquet',
      }),
    ).toEqual([
      {
        server: 'out',
        type: 'local',
        path: 'data/web-orders.parquet',
        format: 'parquet',
      },
    ]);
    expect(
      server('s3', { location: 's3://lake/sales/', format: 'parquet' }),
    ).toEqual([
      {
        server: 'out',
        type: 's3',
        location: 's3://lake/sales/',
        format: 'parquet',
      },
    ]);
    expect(
      draftDataProduct({ ...completeDraftInput(), outputPort: {} }).contract
        .servers,
    ).toBeUndefined();
  });

  it('numbers a composite primary key in form order', () => {
    const { contract } = draftDataProduct({
      ...completeDraftInput(),
      fields: [
        { name: 'day', type: 'date', description: 'Day.', primaryKey: true },
        {
          name: 'region',
          type: 'string',
          description: 'Region.',
          primaryKey: true,
        },
      ],
    });
    expect(
      contract.schema![0].properties!.map(p => [p.name, p.primaryKeyPosition]),
    ).toEqual([
      ['day', 1],
      ['region', 2],
    ]);
  });
});
