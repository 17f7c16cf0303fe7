import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { draftRequest } from './draftRequest';

describe('draftRequest', () => {
  it('drafts the entity and the contract text the generate action writes', () => {
    const request = draftRequest(
      {
        name: 'web-orders',
        domain: 'domain:default/sales',
        owner: 'group:default/sales-analytics',
        governance: 'block',
      },
      { productKind: 'aggregate' },
    );
    expect(request.entity).toMatchObject({
      metadata: {
        name: 'web-orders',
        annotations: { 'data-mesh/contract': './contract.odcs.yaml' },
      },
      spec: {
        owner: 'group:default/sales-analytics',
        dataProduct: { kind: 'aggregate' },
      },
    });
    const reading = readContract(request.contract as string);
    expect(reading.format).toBe('odcs');
    expect(reading.contract).toMatchObject({
      id: 'urn:datacontract:sales:web-orders',
      domain: 'sales',
    });
  });

  it('drafts an empty form too, so the verdict can say what is missing', () => {
    expect(draftRequest(undefined).entity).toMatchObject({
      metadata: { name: 'new-data-product' },
    });
  });
});
