import { readFileSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { detectFormat } from './detectFormat';

const corpus = path.resolve(__dirname, '../../../../../shared/corpus');
const readCorpus = (file: string) =>
  parse(readFileSync(path.join(corpus, file), 'utf8'));

describe('detectFormat', () => {
  it.each([
    ['odcs/v3.1-examples/all--full-example.odcs.yaml', 'odcs'],
    ['odcs/invalid/invalid-api-version.odcs.yaml', 'odcs'],
    ['dcs/examples/orders-latest--datacontract.yaml', 'dcs'],
    ['dcs/examples/covid-cases--datacontract.yaml', 'dcs'],
    ['design-notes/orders-daily.datamesh-v1.yaml', 'datamesh-v1'],
    ['design-notes/data_product.yaml', 'data-product-yaml'],
    ['odps/examples/customer-data-product.odps.yaml', 'odps'],
    ['odps/examples/simple-data-product.odps.yaml', 'odps'],
    ['design-notes/orders-data-product.catalog-info.yaml', 'unknown'],
    ['design-notes/governance_policy.yaml', 'unknown'],
  ])('reads %s as %s', (file, format) => {
    expect(detectFormat(readCorpus(file))).toBe(format);
  });

  it('recognises an ODCS v2 contract as odcs, for the reader to refuse', () => {
    expect(
      detectFormat({
        apiVersion: 'v2.2.2',
        kind: 'DataContract',
        uuid: 'x',
        datasetName: 'orders',
      }),
    ).toBe('odcs');
  });

  it('recognises an ODCS contract whose kind is missing by its apiVersion', () => {
    expect(
      detectFormat({ apiVersion: 'v3.1.0', id: 'x', version: '1.0.0' }),
    ).toBe('odcs');
  });

  it('tells a datamesh/* DataContract from ODCS by its apiVersion', () => {
    expect(
      detectFormat({ apiVersion: 'datamesh/v2', kind: 'DataContract' }),
    ).toBe('datamesh-v1');
  });

  it('needs more than a name to call a mapping a data_product.yaml', () => {
    expect(detectFormat({ name: 'orders' })).toBe('unknown');
    expect(
      detectFormat({
        name: 'orders',
        sla: { availability: '99%' },
        owner: { team: 't' },
      }),
    ).toBe('data-product-yaml');
    expect(detectFormat({ name: 'orders', schema: { fields: [] } })).toBe(
      'data-product-yaml',
    );
  });

  it('calls anything that is not a mapping unknown', () => {
    expect(detectFormat(null)).toBe('unknown');
    expect(detectFormat(['a'])).toBe('unknown');
    expect(detectFormat('text')).toBe('unknown');
  });
});
