import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { readProductContract } from './readProductContract';
import { describeSourceLocation } from './sourceLocation';
import { SourceReader } from './sourceReader';

const contract = (id: string) => `apiVersion: v3.1.0
kind: DataContract
id: ${id}
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string }
`;

const odps = (
  contractLocation: string,
  contractId = 'urn:orders',
) => `apiVersion: v1.0.0
kind: DataProduct
id: urn:dataproduct:orders
status: active
outputPorts:
  - name: orders
    version: 1.0.0
    contractId: ${contractId}
    customProperties:
      - { property: contractLocation, value: ${contractLocation} }
`;

const noUrls = {
  async readUrl(): Promise<never> {
    throw new Error('no URL expected');
  },
};

describe('readProductContract', () => {
  const dir = createMockDirectory();
  const location = () => ({
    type: 'file',
    target: dir.resolve('sales/catalog-info.yaml'),
  });
  const read = (
    annotations: Record<string, string>,
    dataProduct?: Record<string, unknown>,
  ) =>
    readProductContract({
      entity: {
        metadata: { annotations },
        spec: dataProduct ? { dataProduct } : {},
      },
      location: location(),
      sources: new SourceReader(noUrls),
      resolveUrl: ({ url, base }) => new URL(url, base).toString(),
      nameOf: describeSourceLocation,
      catalogFileName: './catalog-info.yaml',
    });

  beforeEach(() =>
    dir.setContent({
      sales: {
        'orders.odcs.yaml': contract('urn:orders'),
        'product.odps.yaml': odps('./contracts/orders.odcs.yaml'),
        contracts: { 'orders.odcs.yaml': contract('urn:orders') },
      },
      'secret.yaml': contract('urn:secret'),
    }),
  );

  it('reads the file data-mesh/contract names, and says where it was read', async () => {
    const reading = await read({
      'data-mesh/contract': './orders.odcs.yaml',
    });
    expect(reading.issues).toEqual([]);
    expect(reading.contract?.id).toBe('urn:orders');
    expect(reading.format).toBe('odcs');
    expect(reading.text).toBe(contract('urn:orders'));
    expect(reading.source).toEqual({
      type: 'file',
      target: dir.resolve('sales/orders.odcs.yaml'),
      root: dir.resolve('sales'),
    });
  });

  it('reads a contract written inline, with issues pointing into the entity', async () => {
    const reading = await read(
      {},
      { contract: { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x' } },
    );
    expect(reading.source).toBe('inline');
    expect(reading.contract?.id).toBe('x');
    expect(reading.issues[0]).toMatchObject({
      file: './catalog-info.yaml',
      path: expect.stringMatching(/^\/spec\/dataProduct\/contract/),
    });
  });

  it('reads the contract an ODPS product names, and the product itself', async () => {
    const reading = await read({ 'data-mesh/odps': './product.odps.yaml' });
    expect(reading.issues).toEqual([]);
    expect(reading.product?.id).toBe('urn:dataproduct:orders');
    expect(reading.contract?.id).toBe('urn:orders');
    expect(describeSourceLocation(reading.source as any)).toBe(
      './contracts/orders.odcs.yaml',
    );
  });

  it('refuses a contract both inline and in an annotation, and asks for one when there is none', async () => {
    const both = await read(
      { 'data-mesh/contract': './orders.odcs.yaml' },
      { contract: { id: 'x' } },
    );
    expect(both.contract).toBeUndefined();
    expect(both.issues).toEqual([
      expect.objectContaining({ rule: 'two-contracts' }),
    ]);
    const none = await read({});
    expect(none.issues[0].message).toContain('a data product needs a contract');
  });

  it.each([
    ['data-mesh/contract', '../secret.yaml', 'contract-location'],
    ['data-mesh/contract', '/etc/passwd', 'contract-location'],
    [
      'data-mesh/contract',
      '../../../../../../../../etc/passwd',
      'contract-location',
    ],
    ['data-mesh/contract', 'file:///etc/passwd', 'contract-location'],
    ['data-mesh/odps', '../secret.yaml', 'contract-location'],
    ['data-mesh/contract', './link.yaml', 'contract-unreadable'],
  ])(
    'reads nothing for %s: %s, and says why at the annotation or the file',
    async (annotation, reference, rule) => {
      await fs.symlink(
        dir.resolve('secret.yaml'),
        dir.resolve('sales/link.yaml'),
      );
      const reading = await read({ [annotation]: reference });
      expect(reading.contract).toBeUndefined();
      expect(reading.text).toBeUndefined();
      expect(reading.source).toBeUndefined();
      expect(reading.issues).toEqual([
        expect.objectContaining({ severity: 'error', rule }),
      ]);
      expect(JSON.stringify(reading.issues)).not.toContain(dir.resolve('.'));
    },
  );

  it('refuses an ODPS contract location that leaves the ODPS file directory', async () => {
    await fs.writeFile(
      dir.resolve('sales/product.odps.yaml'),
      odps('../secret.yaml'),
    );
    await fs.mkdir(dir.resolve('sales/odps'));
    await fs.writeFile(
      dir.resolve('sales/odps/product.odps.yaml'),
      odps('../../secret.yaml'),
    );
    for (const odpsRef of ['./product.odps.yaml', './odps/product.odps.yaml']) {
      const reading = await read({ 'data-mesh/odps': odpsRef });
      expect(reading.contract).toBeUndefined();
      expect(reading.issues).toEqual([
        expect.objectContaining({
          rule: 'contract-location',
          path: '/outputPorts/0',
          message: expect.stringContaining('points outside the directory of'),
        }),
      ]);
    }
  });
});
