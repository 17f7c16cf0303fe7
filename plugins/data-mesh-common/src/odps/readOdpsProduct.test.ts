import { readFileSync } from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { productPorts, readOdpsProduct } from './readOdpsProduct';

const examples = path.resolve(
  __dirname,
  '../../../../../shared/corpus/odps/examples',
);
const readExample = (file: string) =>
  parse(readFileSync(path.join(examples, file), 'utf8'));

describe('readOdpsProduct', () => {
  it('reads the customer product with its ports and the contracts they name', () => {
    const source = readExample('customer-data-product.odps.yaml');
    const { product, issues } = readOdpsProduct(source);
    expect(issues).toEqual([]);
    expect(product).toEqual(source);
    expect(product).toMatchObject({
      apiVersion: 'v0.9.0',
      kind: 'DataProduct',
      id: 'fbe8d147-28db-4f1d-bedf-a3fe9f458427',
      name: 'Customer Data Product',
      domain: 'seller',
      status: 'draft',
      tenant: 'RetailCorp',
    });
    const ports = productPorts(product);
    expect(ports.filter(port => port.direction === 'input')).toEqual([
      {
        direction: 'input',
        name: 'payments',
        version: '1.0.0',
        contractId: 'dbb7b1eb-7628-436e-8914-2a00638ba6db',
      },
      {
        direction: 'input',
        name: 'payments',
        version: '2.0.0',
        contractId: 'dbb7b1eb-7628-436e-8914-2a00638ba6da',
      },
      {
        direction: 'input',
        name: 'onlinetransactions',
        version: '1.0.0',
        contractId: 'ec2a112d-5cfe-49f3-8760-f9cfb4597544',
      },
      {
        direction: 'input',
        name: 'onlinetransactions',
        version: '1.1.0',
        contractId: 'ec2a112d-5cfe-49f3-8760-f9cfb4597547',
      },
    ]);
    expect(ports.filter(port => port.direction === 'output')).toEqual([
      {
        direction: 'output',
        name: 'rawtransactions',
        version: '1.0.0',
        type: 'tables',
        contractId: 'c2798941-1b7e-4b03-9e0d-955b1a872b32',
      },
      {
        direction: 'output',
        name: 'rawtransactions',
        version: '2.0.0',
        type: 'tables',
        contractId: 'c2798941-1b7e-4b03-9e0d-955b1a872b33',
        inputContracts: [
          {
            contractId: 'dbb7b1eb-7628-436e-8914-2a00638ba6db',
            version: '2.0.0',
          },
          {
            contractId: 'ec2a112d-5cfe-49f3-8760-f9cfb4597544',
            version: '1.0.0',
          },
        ],
      },
      {
        direction: 'output',
        name: 'consolidatedtransactions',
        version: '1.0.0',
        type: 'tables',
        contractId: 'a44978be-1fe0-4226-b840-1b715bc25c63',
      },
      {
        direction: 'output',
        name: 'fulltransactionswithreturns',
        version: '0.3.0',
        type: 'tables',
        contractId: 'ef769969-0cbe-4188-876f-bb00abadaee4',
      },
    ]);
  });

  it('keeps what the ports carry besides their contract: tags, custom properties, SBOM', () => {
    const { product } = readOdpsProduct(
      readExample('customer-data-product.odps.yaml'),
    );
    expect(product.inputPorts![3]).toMatchObject({
      tags: ['transactions'],
      customProperties: [{ property: 'transactions_version', value: '1.1.0' }],
      authoritativeDefinitions: [
        { type: 'data_dictionary', url: 'https://mydata/dictionary' },
      ],
    });
    expect(product.outputPorts![1].sbom).toEqual([
      { type: 'external', url: 'https://mysbomserver/mysbom' },
    ]);
    expect(product.managementPorts![0]).toMatchObject({
      content: 'dictionary',
      type: 'topic',
      name: 'tpc-dict-update',
    });
    expect(product.team!.members!.map(member => member.username)).toEqual([
      'john.doe@retailcorp.com',
      'jane.smith@retailcorp.com',
    ]);
  });

  it('reads the simple product', () => {
    const { product, issues } = readOdpsProduct(
      readExample('simple-data-product.odps.yaml'),
    );
    expect(issues).toEqual([]);
    expect(product.version).toBe('v1.0.0');
    expect(productPorts(product)).toEqual([
      {
        direction: 'input',
        name: 'source-data',
        version: '1.0.0',
        contractId: '12345678-1234-1234-1234-123456789abc',
      },
      {
        direction: 'output',
        name: 'processed-data',
        version: '1.0.0',
        type: 'tables',
        contractId: '87654321-4321-4321-4321-cba987654321',
      },
    ]);
  });
});
