import { parse } from 'yaml';
import { corpusText, eachCorpus } from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';
import { detectFormat } from './detectFormat';

describe('detectFormat', () => {
  it.each([
    ['parcels.odcs.yaml', 'odcs'],
    ['parcels.dcs.yaml', 'dcs'],
    ['stations.dcs.yaml', 'dcs'],
    ['parcels-daily.datamesh-v1.yaml', 'datamesh-v1'],
    ['data_product.yaml', 'data-product-yaml'],
    ['carrier.odps.yaml', 'odps'],
    ['simple.odps.yaml', 'odps'],
  ])("reads the project's %s as %s", (file, format) => {
    expect(detectFormat(parse(fixture(file)))).toBe(format);
  });

  it('calls a catalog entity or a policy set unknown', () => {
    expect(
      detectFormat({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'parcels' },
        spec: { type: 'data-product', owner: 'dock-data' },
      }),
    ).toBe('unknown');
    expect(
      detectFormat({
        apiVersion: 'data-mesh/v1',
        kind: 'PolicySet',
        policies: [],
      }),
    ).toBe('unknown');
  });

  eachCorpus<[string, string]>(
    [
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
    ],
    'reads %s',
    ([file, format]) => {
      expect(detectFormat(parse(corpusText(file)))).toBe(format);
    },
  );

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
