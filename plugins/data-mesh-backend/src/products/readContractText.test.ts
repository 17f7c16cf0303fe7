import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scmResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { CatalogProducts } from './CatalogProducts';
import { readCatalogContract } from './readContractText';

const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:sales-orders
name: Sales orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string }
`;

describe('reading a product contract in the backend', () => {
  const dir = createMockDirectory();
  let server: http.Server;
  let allowedHost: string;
  let requests: string[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200);
      response.end(CONTRACT);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    allowedHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  beforeEach(async () => {
    requests = [];
    dir.setContent({
      products: {
        'sales-orders': { 'sales-orders.odcs.yaml': CONTRACT },
      },
      'secret.yaml': CONTRACT.replace('urn:test:sales-orders', 'urn:secret'),
    });
    await fs.symlink(
      '/etc/passwd',
      dir.resolve('products/sales-orders/passwd.yaml'),
    );
    await fs.symlink(
      dir.resolve('secret.yaml'),
      dir.resolve('products/sales-orders/secret.odcs.yaml'),
    );
  });

  const config = () =>
    new ConfigReader({
      backend: { reading: { allow: [{ host: allowedHost }] } },
    });
  const urlReader = () =>
    UrlReaders.default({
      config: config(),
      logger: mockServices.logger.mock(),
    });
  const entity = (
    name: string,
    annotations: Record<string, string>,
    dataProduct: JsonObject = {},
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'products/sales-orders/catalog-info.yaml',
        )}`,
        ...annotations,
      },
    },
    spec: {
      type: 'data-product',
      lifecycle: 'production',
      owner: 'group:default/sales',
      dataProduct,
    },
  });
  const read = (e: Entity) =>
    readCatalogContract(e, {
      reader: new SourceReader(urlReader()),
      resolveUrl: scmResolveUrl(config()),
    });

  it('reads the contract the entity names, and says where without the host path', async () => {
    const contract = await read(
      entity('sales-orders', {
        'data-mesh/contract': './sales-orders.odcs.yaml',
      }),
    );
    expect(contract).toMatchObject({
      format: 'odcs',
      contractText: CONTRACT,
      location: './sales-orders.odcs.yaml',
      contractDirectory: dir.resolve('products/sales-orders'),
      issues: [],
    });
    expect(contract.contract?.id).toBe('urn:test:sales-orders');
  });

  it('never follows data-mesh/contract-source: it reads what data-mesh/contract names, or nothing', async () => {
    const named = await read(
      entity('sales-orders', {
        'data-mesh/contract-source': 'file:/etc/passwd',
        'data-mesh/contract': './sales-orders.odcs.yaml',
      }),
    );
    expect(named.contractText).toBe(CONTRACT);
    const only = await read(
      entity('evil', { 'data-mesh/contract-source': 'file:/etc/passwd' }),
    );
    expect(only.contractText).toBeUndefined();
    expect(only.contract).toBeUndefined();
    expect(only.issues).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'no-contract' }),
    ]);
  });

  it.each([
    ['../../../etc/passwd', 'contract-location', './catalog-info.yaml'],
    ['/etc/passwd', 'contract-location', './catalog-info.yaml'],
    ['file:///etc/passwd', 'contract-location', './catalog-info.yaml'],
    ['../../secret.yaml', 'contract-location', './catalog-info.yaml'],
    ['./passwd.yaml', 'contract-unreadable', './passwd.yaml'],
    ['./secret.odcs.yaml', 'contract-unreadable', './secret.odcs.yaml'],
    [
      'http://169.254.169.254/latest/meta-data/',
      'contract-unreadable',
      'http://169.254.169.254/latest/meta-data/',
    ],
  ])(
    'serves nothing for data-mesh/contract: %s (a located %s issue)',
    async (reference, rule, file) => {
      const contract = await read(
        entity('evil', {
          'data-mesh/contract': reference,
          'data-mesh/contract-source': 'file:/etc/passwd',
        }),
      );
      expect(contract.contractText).toBeUndefined();
      expect(contract.contract).toBeUndefined();
      expect(contract.location).toBeUndefined();
      expect(contract.issues).toEqual([
        expect.objectContaining({ severity: 'error', rule, file }),
      ]);
      expect(JSON.stringify(contract.issues)).not.toContain(
        dir.resolve('products'),
      );
      expect(requests).toEqual([]);
    },
  );

  it('reads URLs the integrations allow through the URL reader, and names them as they are', async () => {
    const url = `http://${allowedHost}/contracts/sales-orders.odcs.yaml`;
    const contract = await read(
      entity('remote', { 'data-mesh/contract': url }),
    );
    expect(contract).toMatchObject({ contractText: CONTRACT, location: url });
    expect(requests).toEqual(['/contracts/sales-orders.odcs.yaml']);
  });

  it('reads an inline contract, and an ODPS product from beside the catalog file', async () => {
    const inline = await read(
      entity('inline', {}, { contract: { id: 'x', kind: 'DataContract' } }),
    );
    expect(inline.location).toBe('inline');
    await fs.writeFile(
      dir.resolve('products/sales-orders/product.odps.yaml'),
      `apiVersion: v1.0.0
kind: DataProduct
id: urn:dataproduct:sales-orders
status: active
outputPorts:
  - name: orders
    version: 1.0.0
    contractId: urn:test:sales-orders
    customProperties:
      - { property: contractLocation, value: ./sales-orders.odcs.yaml }
`,
    );
    const odps = await read(
      entity('odps', { 'data-mesh/odps': './product.odps.yaml' }),
    );
    expect(odps).toMatchObject({
      location: './sales-orders.odcs.yaml',
      contractText: CONTRACT,
      issues: [],
    });
  });

  it('lists products whose forged annotations serve no source (CatalogProducts)', async () => {
    const products = new CatalogProducts({
      catalog: catalogServiceMock({
        entities: [
          entity('sales-orders', {
            'data-mesh/contract': './sales-orders.odcs.yaml',
          }),
          entity('evil', { 'data-mesh/contract-source': 'file:/etc/passwd' }),
          entity('linked', {
            'data-mesh/contract': './passwd.yaml',
            'data-mesh/contract-source': 'file:/etc/passwd',
          }),
        ],
      }),
      auth: mockServices.auth(),
      urlReader: urlReader(),
      resolveUrl: scmResolveUrl(config()),
      logger: mockServices.logger.mock(),
    });
    const listed = await products.listProducts();
    const byName = new Map(listed.map(p => [p.name, p]));
    expect(byName.get('sales-orders')).toMatchObject({
      contractText: CONTRACT,
      location: './sales-orders.odcs.yaml',
    });
    for (const name of ['evil', 'linked']) {
      expect(byName.get(name)?.contractText).toBeUndefined();
      expect(byName.get(name)?.contract).toBeUndefined();
      expect(byName.get(name)?.issues[0].severity).toBe('error');
    }
  });
});
