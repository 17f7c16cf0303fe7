import { readContract } from './read';
import { corpusText, itCorpus } from './__testUtils__/corpus';
import { fixture } from './__testUtils__/fixtures';

const read = (file: string) =>
  readContract(corpusText(file), {
    fileName: file,
  });
const readOwn = (file: string) =>
  readContract(fixture(file), { fileName: file });

describe("readContract on the project's own files", () => {
  it('reads an ODCS contract as it is', () => {
    const reading = readOwn('parcels.odcs.yaml');
    expect(reading.format).toBe('odcs');
    expect(reading.valid).toBe(true);
    expect(reading.contract!.id).toBe('0b6a7f3e-parcels-handover');
    expect(reading.product).toBeUndefined();
  });

  it('reports an invalid ODCS contract at the line and column of the offending value', () => {
    const reading = readContract(
      'kind: DataContract\nid: parcels\nversion: 1.0.0\nstatus: active\napiVersion: v3.9.9\n',
      { fileName: 'bad-version.odcs.yaml' },
    );
    expect(reading.valid).toBe(false);
    expect(reading.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'bad-version.odcs.yaml',
        path: '/apiVersion',
        line: 5,
        column: 13,
      }),
    );
  });

  it('converts a DCS contract, accepting its templated location with a warning at the source line', () => {
    const reading = readOwn('parcels.dcs.yaml');
    expect(reading.format).toBe('dcs');
    expect(reading.valid).toBe(true);
    expect(reading.contract!.schema!.map(object => object.name)).toEqual([
      'handovers',
      'labels',
    ]);
    expect(reading.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'templated-uri',
        path: '/servers/archive/location',
        file: 'parcels.dcs.yaml',
        line: 20,
        column: 15,
      }),
    ]);
  });

  it('converts the two design-note formats', () => {
    const datamesh = readOwn('parcels-daily.datamesh-v1.yaml');
    expect(datamesh).toMatchObject({
      format: 'datamesh-v1',
      valid: true,
      issues: [],
    });
    expect(datamesh.contract!.id).toBe('parcels-daily');
    const product = readOwn('data_product.yaml');
    expect(product.format).toBe('data-product-yaml');
    expect(product.valid).toBe(true);
    expect(product.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'empty-value',
        path: '/owner/slack',
        line: 8,
        column: 3,
      }),
    ]);
  });

  it('reads an ODPS product, not a contract', () => {
    const reading = readOwn('carrier.odps.yaml');
    expect(reading).toMatchObject({ format: 'odps', valid: true, issues: [] });
    expect(reading.contract).toBeUndefined();
    expect(reading.product!.outputPorts).toHaveLength(4);
  });

  it('says which formats it knows when it meets another', () => {
    const reading = readContract(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: parcels\nspec:\n  type: data-product\n',
      { fileName: 'catalog-info.yaml' },
    );
    expect(reading).toMatchObject({ format: 'unknown', valid: false });
    expect(reading.issues[0].message).toContain('Expected one of: ODCS v3');
  });
});

describe('readContract', () => {
  itCorpus('reads an ODCS contract as it is', () => {
    const reading = read('odcs/v3.1-examples/all--full-example.odcs.yaml');
    expect(reading.format).toBe('odcs');
    expect(reading.valid).toBe(true);
    expect(reading.contract!.id).toBe('53581432-6c55-4ba2-a65f-72344a91553a');
    expect(reading.product).toBeUndefined();
  });

  itCorpus('reports an invalid ODCS contract at the line and column of the offending value', () => {
    const reading = read('odcs/invalid/invalid-api-version.odcs.yaml');
    expect(reading.valid).toBe(false);
    expect(reading.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'odcs/invalid/invalid-api-version.odcs.yaml',
        path: '/apiVersion',
        line: 5,
        column: 13,
      }),
    );
  });

  it('refuses an ODCS v2 contract: unsupported, migrate to v3', () => {
    const reading = readContract(
      'apiVersion: v2.2.2\nkind: DataContract\nuuid: 53581432\ndatasetName: orders\n',
      { fileName: 'old.yaml' },
    );
    expect(reading.format).toBe('odcs');
    expect(reading.valid).toBe(false);
    expect(reading.issues).toHaveLength(1);
    expect(reading.issues[0]).toMatchObject({
      path: '/apiVersion',
      line: 1,
      column: 13,
      file: 'old.yaml',
    });
    expect(reading.issues[0].message).toContain('unsupported, migrate to v3');
  });

  itCorpus('converts a DCS contract, accepting its templated location with a warning at the source line', () => {
    const reading = read('dcs/examples/orders-latest--datacontract.yaml');
    expect(reading.format).toBe('dcs');
    expect(reading.valid).toBe(true);
    expect(reading.contract!.schema!.map(object => object.name)).toEqual([
      'orders',
      'line_items',
    ]);
    expect(reading.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'templated-uri',
        path: '/servers/production/location',
        file: 'dcs/examples/orders-latest--datacontract.yaml',
        line: 18,
        column: 15,
      }),
    ]);
  });

  it('accepts a templated URI in an ODCS contract too, with the same warning', () => {
    const reading = readContract(
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: orders',
        'version: 1.0.0',
        'status: active',
        'servers:',
        '  - server: production',
        '    type: s3',
        '    location: s3://bucket/{model}/*.json',
      ].join('\n'),
      { fileName: 'orders.odcs.yaml' },
    );
    expect(reading.valid).toBe(true);
    expect(reading.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'templated-uri',
        path: '/servers/0/location',
        line: 9,
        column: 15,
        file: 'orders.odcs.yaml',
      }),
    ]);
    const broken = readContract(
      'apiVersion: v3.1.0\nkind: DataContract\nid: o\nversion: 1.0.0\nstatus: active\nservers:\n  - server: p\n    type: s3\n    location: s3://bucket/a b\n',
    );
    expect(broken.issues.map(issue => [issue.severity, issue.rule])).toEqual([
      ['error', 'format'],
    ]);
  });

  it('reports a DCS format error at its source path and line', () => {
    const reading = readContract(
      [
        'dataContractSpecification: 1.2.1',
        'id: orders',
        'info:',
        '  title: Orders',
        '  version: 1.0.0',
        'models:',
        '  orders:',
        '    fields:',
        '      id:',
        '        type: uuid',
      ].join('\n'),
      { fileName: 'orders.dcs.yaml' },
    );
    expect(reading.valid).toBe(false);
    expect(reading.issues).toEqual([
      expect.objectContaining({
        path: '/models/orders/fields/id/type',
        line: 10,
        column: 15,
        rule: 'enum',
      }),
    ]);
  });

  it('reports what the ODCS rules find in a converted contract at the source value that caused it', () => {
    const reading = readContract(
      [
        'dataContractSpecification: 1.2.1',
        'id: orders',
        'info:',
        '  title: Orders',
        '  version: 1.0.0',
        'servers:',
        '  warehouse:',
        '    type: postgres',
        '    host: db.example.com',
      ].join('\n'),
      { fileName: 'orders.dcs.yaml' },
    );
    expect(reading.valid).toBe(false);
    const errors = reading.issues.filter(issue => issue.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatchObject({
        path: '/servers/warehouse',
        line: 8,
        column: 5,
        file: 'orders.dcs.yaml',
      });
      expect(error.message).toContain(
        '(in the ODCS contract converted from DCS, at /servers/0)',
      );
    }
  });

  itCorpus('converts the two design-note formats', () => {
    const datamesh = read('design-notes/orders-daily.datamesh-v1.yaml');
    expect(datamesh).toMatchObject({
      format: 'datamesh-v1',
      valid: true,
      issues: [],
    });
    expect(datamesh.contract!.id).toBe('orders-daily');
    const product = read('design-notes/data_product.yaml');
    expect(product.format).toBe('data-product-yaml');
    expect(product.valid).toBe(true);
    expect(product.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'empty-value',
        path: '/owner/slack',
        line: 8,
        column: 3,
      }),
    ]);
  });

  itCorpus('reads an ODPS product, not a contract', () => {
    const reading = read('odps/examples/customer-data-product.odps.yaml');
    expect(reading).toMatchObject({ format: 'odps', valid: true, issues: [] });
    expect(reading.contract).toBeUndefined();
    expect(reading.product!.outputPorts).toHaveLength(4);
  });

  it('reports an ODPS problem at its line', () => {
    const reading = readContract(
      'apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\nowner: me\n',
    );
    expect(reading.issues).toEqual([
      expect.objectContaining({
        path: '/owner',
        rule: 'unknown-key',
        line: 5,
        column: 1,
      }),
    ]);
  });

  itCorpus('says which formats it knows when it meets another', () => {
    const reading = read('design-notes/orders-data-product.catalog-info.yaml');
    expect(reading).toMatchObject({ format: 'unknown', valid: false });
    expect(reading.issues[0].message).toContain('Expected one of: ODCS v3');
  });

  it('refuses a file with several documents, pointing at the second', () => {
    const reading = readContract(
      'apiVersion: v3.1.0\nkind: DataContract\nid: a\nversion: 1.0.0\nstatus: active\n---\nid: b\n',
      { fileName: 'two.yaml' },
    );
    expect(reading.valid).toBe(false);
    expect(reading.issues).toEqual([
      expect.objectContaining({
        rule: 'several-documents',
        file: 'two.yaml',
        line: 7,
      }),
    ]);
  });

  it('refuses an empty file and a file that is not YAML', () => {
    expect(readContract('# nothing here\n')).toMatchObject({
      format: 'unknown',
      valid: false,
      issues: [expect.objectContaining({ rule: 'empty' })],
    });
    const broken = readContract('id: [unclosed\n', { fileName: 'broken.yaml' });
    expect(broken.valid).toBe(false);
    expect(broken.issues[0]).toMatchObject({
      severity: 'error',
      file: 'broken.yaml',
      line: expect.any(Number),
    });
  });

  it('reads keys named like the keys every object has (constructor) as unknown, in every format', () => {
    const dcs = readContract(
      [
        'dataContractSpecification: 1.1.0',
        'id: x',
        'info: {title: t, version: "1"}',
        'models:',
        '  m:',
        '    fields:',
        '      a: {type: string, quality: [{type: sql, query: q, mustBe: 0, constructor: 1}]}',
        'servicelevels:',
        '  constructor: {a: 1}',
      ].join('\n'),
    );
    expect(dcs.contract!.customProperties).toContainEqual({
      property: 'servicelevels.constructor',
      value: { a: 1 },
    });
    expect(
      dcs.contract!.schema![0].properties![0].quality![0].customProperties,
    ).toEqual([{ property: 'constructor', value: 1 }]);

    const product = readContract(
      'name: p\nversion: "1"\nschema:\n  fields:\n    - {name: a, type: int, constraints: [constructor]}\n',
    );
    expect(product.contract!.schema![0].properties![0]).toEqual({
      name: 'a',
      logicalType: 'integer',
      physicalType: 'int',
      customProperties: [{ property: 'constraints', value: ['constructor'] }],
    });

    const odps = readContract(
      'apiVersion: v1.0.0\nkind: DataProduct\nid: x\nstatus: active\nconstructor: 1\n',
    );
    expect(odps.issues).toEqual([
      expect.objectContaining({ path: '/constructor', rule: 'unknown-key' }),
    ]);
  });
});
