import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { invalidOdcsContract, odcsContract } from './__testUtils__/fixtures';
import { waitFor } from './__testUtils__/waitFor';
import catalogModuleDataMesh from './index';

const directory = createMockDirectory();

const product = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: sales-orders
  annotations:
    data-mesh/contract: ./contract.odcs.yaml
spec:
  type: data-product
  lifecycle: production
  owner: group:sales-analytics
  dataProduct:
    kind: source-aligned
`;

async function start() {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataMesh,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            processingInterval: { seconds: 1 },
            locations: [
              { type: 'file', target: directory.resolve('catalog-info.yaml') },
            ],
          },
          dataMesh: { governance: { enabled: false } },
        },
      }),
    ],
  });
  const get = async (path: string) => {
    const res = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
    return res.status === 200 ? res.body : undefined;
  };
  return { server, get };
}

describe('catalogModuleDataMesh', () => {
  beforeEach(() => {
    directory.setContent({
      'catalog-info.yaml': product,
      'contract.odcs.yaml': odcsContract(),
    });
  });

  it('keeps what it read for the data-mesh backend, served to backend plugins only, and reads it again only when it changed', async () => {
    const { server, get } = await start();
    await waitFor(
      () => get('/api/catalog/entities/by-name/component/default/sales-orders'),
      e => e?.spec?.dataProduct?.contractSummary !== undefined,
    );
    const ask = (authorization: string) =>
      request(server)
        .post('/api/catalog/data-mesh/contracts')
        .set('Authorization', authorization)
        .send({ entityRefs: ['component:default/sales-orders'] });
    const res = await ask(mockCredentials.service.header());
    expect(res.status).toBe(200);
    const [record] = res.body.items;
    expect(record).toMatchObject({
      entityRef: 'component:default/sales-orders',
      format: 'odcs',
      location: './contract.odcs.yaml',
      contract: { id: 'urn:datacontract:sales:orders' },
      contractHash: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(record.source).toBe(odcsContract());
    expect((await ask(mockCredentials.user.header())).status).toBe(403);

    // The next processing runs reuse the record while the file is unchanged.
    await new Promise(r => setTimeout(r, 2500));
    const again = (await ask(mockCredentials.service.header())).body.items[0];
    expect(again.readAt).toBe(record.readAt);
    directory.addContent({
      'contract.odcs.yaml': odcsContract(
        'urn:datacontract:sales:orders',
        '1.1.0',
      ),
    });
    const changed = await waitFor(
      async () => (await ask(mockCredentials.service.header())).body.items[0],
      r => r?.contract?.version === '1.1.0',
    );
    expect(changed.contractHash).not.toBe(record.contractHash);
  }, 30_000);

  it('is installed with one line and records the contract on the product', async () => {
    const { get } = await start();
    const entity = await waitFor(
      () => get('/api/catalog/entities/by-name/component/default/sales-orders'),
      e => e?.spec?.dataProduct?.contractSummary !== undefined,
    );
    expect(entity.metadata.annotations['data-mesh/contract-status']).toBe(
      'valid',
    );
    expect(entity.metadata.annotations['data-mesh/governance']).toBe(
      'not-evaluated',
    );
    expect(entity.spec.dataProduct.contractSummary.id).toBe(
      'urn:datacontract:sales:orders',
    );
  });

  it('refuses a second product whose contract has the id of the first, naming the first', async () => {
    const { get } = await start();
    const first = await waitFor(
      () => get('/api/catalog/entities/by-name/component/default/sales-orders'),
      e => e?.metadata?.annotations?.['data-mesh/contract-id'] !== undefined,
    );
    expect(first.metadata.annotations['data-mesh/contract-id']).toBe(
      'urn:datacontract:sales:orders',
    );

    directory.addContent({
      'catalog-info.yaml': `${product}---\n${product
        .replace('name: sales-orders', 'name: orders-copy')
        .replace('./contract.odcs.yaml', './copy.odcs.yaml')}`,
      'copy.odcs.yaml': odcsContract(),
    });
    const copy = await waitFor(
      () => get('/api/catalog/entities/by-name/component/default/orders-copy'),
      e => e !== undefined,
    );
    expect(copy.metadata.annotations['data-mesh/contract-status']).toBe(
      'invalid',
    );
    expect(copy.metadata.annotations['data-mesh/contract-id']).toBeUndefined();
    expect(copy.status.items).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'contract id urn:datacontract:sales:orders is already served by component:default/sales-orders; give this contract its own id',
        ),
      }),
    ]);
    const kept = await get(
      '/api/catalog/entities/by-name/component/default/sales-orders',
    );
    expect(kept.metadata.annotations).toMatchObject({
      'data-mesh/contract-status': 'valid',
      'data-mesh/contract-id': 'urn:datacontract:sales:orders',
    });
  });

  it('keeps the last valid version, with the error attached, when the contract turns invalid', async () => {
    const { server, get } = await start();
    const valid = await waitFor(
      () => get('/api/catalog/entities/by-name/component/default/sales-orders'),
      e => e?.spec?.dataProduct?.contractSummary !== undefined,
    );
    expect(valid.status?.items ?? []).toEqual([]);

    directory.addContent({
      'contract.odcs.yaml': invalidOdcsContract().replace(
        'version: 1.0.0',
        'version: 1.1.0',
      ),
    });
    await request(server)
      .post('/api/catalog/refresh')
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:default/sales-orders' });

    const kept = await waitFor(
      () => get('/api/catalog/entities/by-name/component/default/sales-orders'),
      e => (e?.status?.items ?? []).length > 0,
    );
    expect(kept.spec.dataProduct.contractSummary.version).toBe('1.0.0');
    expect(kept.metadata.annotations['data-mesh/contract-hash']).toBe(
      valid.metadata.annotations['data-mesh/contract-hash'],
    );
    expect(kept.status.items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message: expect.stringMatching(
          /^InputError: \.\/contract\.odcs\.yaml:19:22 error \[enum\] .*\(at \/schema\/0\/properties\/0\/logicalType\)$/,
        ),
      }),
    ]);
  });
});
