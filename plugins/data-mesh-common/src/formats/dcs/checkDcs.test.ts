import { parse } from 'yaml';
import {
  corpusFiles,
  corpusText,
  itCorpus,
} from '../../__testUtils__/corpus';
import { fixture } from '../../__testUtils__/fixtures';
import { checkDcs } from './checkDcs';

const minimal = {
  dataContractSpecification: '1.2.1',
  id: 'orders',
  info: { title: 'Orders', version: '1.0.0' },
};

describe('checkDcs', () => {
  it("finds no error in the project's DCS contracts, and warns on the templated location only", () => {
    const warnings: string[] = [];
    for (const file of ['parcels.dcs.yaml', 'stations.dcs.yaml']) {
      const issues = checkDcs(parse(fixture(file)));
      expect(issues.filter(issue => issue.severity === 'error')).toEqual([]);
      warnings.push(
        ...issues.map(issue => `${file} ${issue.rule} ${issue.path}`),
      );
    }
    expect(warnings).toEqual([
      'parcels.dcs.yaml templated-uri /servers/archive/location',
    ]);
  });

  itCorpus('finds no error in the corpus examples, and warns on exactly the three templated locations', () => {
    const warnings: string[] = [];
    for (const file of corpusFiles('dcs/examples')) {
      const issues = checkDcs(parse(corpusText('dcs/examples', file)));
      expect(issues.filter(issue => issue.severity === 'error')).toEqual([]);
      warnings.push(
        ...issues.map(issue => `${file} ${issue.rule} ${issue.path}`),
      );
    }
    expect(warnings.sort()).toEqual([
      'orders-latest--datacontract.yaml templated-uri /servers/production/location',
      'time-example--datacontract.yaml templated-uri /servers/production/location',
      'variant-json-example--datacontract.yaml templated-uri /servers/production/location',
    ]);
  });

  it('accepts a minimal contract', () => {
    expect(checkDcs(minimal)).toEqual([]);
  });

  it('requires id, info.title and info.version', () => {
    const issues = checkDcs({ dataContractSpecification: '1.2.1', info: {} });
    expect(
      issues.map(issue => [issue.path, issue.rule, issue.message]),
    ).toEqual([
      [
        '',
        'required',
        'a DCS contract needs an "id" (text) that identifies it.',
      ],
      ['/info', 'required', 'info needs "title".'],
      ['/info', 'required', 'info needs "version".'],
    ]);
  });

  it('warns on an unknown specification version and an unquoted numeric version', () => {
    const issues = checkDcs({
      ...minimal,
      dataContractSpecification: '2.0.0',
      info: { title: 'x', version: 1.1 },
    });
    expect(
      issues.map(issue => [issue.severity, issue.path, issue.rule]),
    ).toEqual([
      ['warning', '/dataContractSpecification', 'version'],
      ['warning', '/info/version', 'type'],
    ]);
  });

  it('names an unknown field type at its path, nested fields and items included', () => {
    const issues = checkDcs({
      ...minimal,
      models: {
        orders: {
          fields: {
            id: { type: 'uuid' },
            address: { type: 'object', fields: { zip: { type: 'zipcode' } } },
            lines: { type: 'array', items: { type: 'line' } },
          },
        },
      },
    });
    expect(issues.map(issue => issue.path)).toEqual([
      '/models/orders/fields/id/type',
      '/models/orders/fields/address/fields/zip/type',
      '/models/orders/fields/lines/items/type',
    ]);
    expect(issues[0].message).toContain(
      'field "id" has type "uuid", which DCS does not define',
    );
  });

  it('checks model names and types, quality rules, and servers', () => {
    const issues = checkDcs({
      ...minimal,
      models: {
        'my model': {
          type: 'tabel',
          quality: [{ type: 'sql' }, { type: 'regex' }],
        },
      },
      servers: { prod: { location: 's3://x' } },
    });
    expect(issues.map(issue => [issue.path, issue.rule])).toEqual([
      ['/models/my model', 'format'],
      ['/models/my model/type', 'enum'],
      ['/models/my model/quality/0', 'required'],
      ['/models/my model/quality/1/type', 'enum'],
      ['/servers/prod', 'required'],
    ]);
  });

  it('refuses a URI that is not one, and accepts a templated one with a warning', () => {
    const issues = checkDcs({
      ...minimal,
      links: { docs: 'docs/readme.md' },
      servers: {
        prod: { type: 's3', location: 's3://bucket/{model}/data.parquet' },
      },
    });
    expect(
      issues.map(issue => [issue.severity, issue.path, issue.rule]),
    ).toEqual([
      ['warning', '/servers/prod/location', 'templated-uri'],
      ['error', '/links/docs', 'format'],
    ]);
  });

  it('checks availability percentages, frequency types and definitions', () => {
    const issues = checkDcs({
      ...minimal,
      servicelevels: {
        availability: { percentage: '99.9' },
        frequency: { type: 'hourly' },
      },
      definitions: { order_id: { title: 'Order ID' } },
    });
    expect(issues.map(issue => [issue.path, issue.rule])).toEqual([
      ['/definitions/order_id', 'required'],
      ['/servicelevels/availability/percentage', 'format'],
      ['/servicelevels/frequency/type', 'enum'],
    ]);
  });
});
