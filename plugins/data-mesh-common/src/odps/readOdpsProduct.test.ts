import { parse } from 'yaml';
import { corpusText, describeCorpus } from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';
import { productPorts, readOdpsProduct } from './readOdpsProduct';

const readExample = (file: string) =>
  parse(corpusText('odps/examples', file));

describeCorpus('readOdpsProduct on the standard\'s examples', () => {
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

describe("readOdpsProduct on the project's own products", () => {
  it('reads the carrier product with its ports and the contracts they name', () => {
    const source = parse(fixture('carrier.odps.yaml'));
    const { product, issues } = readOdpsProduct(source);
    expect(issues).toEqual([]);
    expect(product).toEqual(source);
    expect(product).toMatchObject({
      apiVersion: 'v0.9.0',
      kind: 'DataProduct',
      id: '2e7b9c41-6a3d-4f58-8c1e-9d0a7b6c5e4f',
      name: 'Carrier Performance',
      domain: 'logistics',
      status: 'draft',
      tenant: 'NorthwindFreight',
    });
    const ports = productPorts(product);
    expect(
      ports
        .filter(port => port.direction === 'input')
        .map(p => [p.name, p.version, p.contractId]),
    ).toEqual([
      ['handovers', '1.0.0', '7c1d2e3f-aaaa-4bbb-8ccc-000000000001'],
      ['handovers', '2.0.0', '7c1d2e3f-aaaa-4bbb-8ccc-000000000002'],
      ['deliveries', '1.0.0', '8d2e3f4a-bbbb-4ccc-8ddd-000000000003'],
      ['deliveries', '1.2.0', '8d2e3f4a-bbbb-4ccc-8ddd-000000000004'],
    ]);
    expect(ports.filter(port => port.direction === 'output')).toEqual([
      {
        direction: 'output',
        name: 'ontime',
        version: '1.0.0',
        type: 'tables',
        contractId: '3a4b5c6d-cccc-4ddd-8eee-000000000005',
      },
      {
        direction: 'output',
        name: 'ontime',
        version: '2.0.0',
        type: 'tables',
        contractId: '3a4b5c6d-cccc-4ddd-8eee-000000000006',
        inputContracts: [
          {
            contractId: '7c1d2e3f-aaaa-4bbb-8ccc-000000000002',
            version: '2.0.0',
          },
          {
            contractId: '8d2e3f4a-bbbb-4ccc-8ddd-000000000003',
            version: '1.0.0',
          },
        ],
      },
      {
        direction: 'output',
        name: 'damages',
        version: '1.0.0',
        type: 'tables',
        contractId: '4b5c6d7e-dddd-4eee-8fff-000000000007',
      },
      {
        direction: 'output',
        name: 'claims',
        version: '0.2.0',
        type: 'tables',
        contractId: '5c6d7e8f-eeee-4fff-8000-000000000008',
      },
    ]);
  });

  it('keeps what the ports carry besides their contract: tags, custom properties, SBOM', () => {
    const { product } = readOdpsProduct(parse(fixture('carrier.odps.yaml')));
    expect(product.inputPorts![3]).toMatchObject({
      tags: ['deliveries'],
      customProperties: [{ property: 'feed', value: 'carrier-api' }],
      authoritativeDefinitions: [
        {
          type: 'glossary',
          url: 'https://wiki.example.org/glossary/delivery',
        },
      ],
    });
    expect(product.outputPorts![1].sbom).toEqual([
      { type: 'external', url: 'https://sbom.example.org/carrier-performance' },
    ]);
    expect(product.managementPorts![0]).toMatchObject({
      content: 'discoverability',
      type: 'topic',
      name: 'carrier-updates',
    });
    expect(product.team!.members!.map(member => member.username)).toEqual([
      'ana.lindqvist@example.org',
      'tom.berg@example.org',
    ]);
  });

  it('reads the simple product', () => {
    const { product, issues } = readOdpsProduct(
      parse(fixture('simple.odps.yaml')),
    );
    expect(issues).toEqual([]);
    expect(product.version).toBe('v2.0.0');
    expect(productPorts(product)).toEqual([
      {
        direction: 'input',
        name: 'gate-events',
        version: '1.0.0',
        contractId: '0a1b2c3d-1111-4222-8333-444455556666',
      },
      {
        direction: 'output',
        name: 'scans',
        version: '2.0.0',
        type: 'tables',
        contractId: '9f8e7d6c-5555-4444-8333-222211110000',
      },
    ]);
  });
});
