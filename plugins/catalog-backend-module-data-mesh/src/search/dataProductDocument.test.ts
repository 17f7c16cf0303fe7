import { summarizeContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { dataProduct } from '../__testUtils__/fixtures';
import { dataProductSearchTransformer } from './dataProductDocument';

describe('dataProductSearchTransformer', () => {
  it('adds the contract name, purpose, objects and fields with their descriptions to a product', () => {
    const entity = dataProduct();
    entity.metadata.description = 'Every order placed.';
    (entity.spec as any).dataProduct.contractSummary = summarizeContract(
      {
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'orders',
        version: '1.0.0',
        name: 'Orders',
        description: { purpose: 'The system of record for orders.' },
        schema: [
          {
            name: 'orders',
            description: 'One row per order.',
            properties: [
              {
                name: 'net_revenue_eur',
                description: 'Revenue after refunds.',
              },
              { name: 'order_id' },
            ],
          },
        ],
      },
      { format: 'odcs' },
    ) as any;
    const document = dataProductSearchTransformer(entity);
    expect(document).toMatchObject({
      kind: 'Component',
      type: 'data-product',
      title: 'sales-orders',
    });
    expect(document.text).toBe(
      'Every order placed. : Orders : The system of record for orders. : orders: One row per order. : net_revenue_eur: Revenue after refunds. : order_id',
    );
  });

  it('shapes other entities, and products not yet processed, as Backstage does', () => {
    const service = { ...dataProduct(), spec: { type: 'service' } };
    service.metadata.description = 'A service.';
    expect(dataProductSearchTransformer(service).text).toBe('A service.');
    expect(dataProductSearchTransformer(dataProduct()).text).toBe('');
  });
});
