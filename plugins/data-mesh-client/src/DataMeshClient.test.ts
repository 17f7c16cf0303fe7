import { ResponseError } from '@backstage/errors';
import { DataMeshClient } from './DataMeshClient';

/** A backend stand-in: records each request and answers with the next queued response. */
function backend(...responses: Response[]) {
  const requests: Array<{ url: string; init?: RequestInit }> = [];
  const client = new DataMeshClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        requests.push({ url: String(input), init });
        return responses.shift() ?? new Response('{}', { status: 200 });
      },
    },
  });
  return { client, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('DataMeshClient', () => {
  it('calls each route of the data-mesh backend', async () => {
    const { client, requests } = backend();
    const product = { namespace: 'default', name: 'sales-orders' };
    await client.listProducts();
    await client.getProduct(product);
    await client.getContract(product);
    await client.getSlos(product, '7d');
    await client.getSloHistory(product, '30d');
    await client.getGovernance(product);
    await client.getSchemaDrift(product);
    expect(requests.map(r => r.url)).toEqual([
      'http://backend/api/data-mesh/products',
      'http://backend/api/data-mesh/products/default/sales-orders',
      'http://backend/api/data-mesh/products/default/sales-orders/contract',
      'http://backend/api/data-mesh/products/default/sales-orders/slo?window=7d',
      'http://backend/api/data-mesh/products/default/sales-orders/slo/history?window=30d',
      'http://backend/api/data-mesh/products/default/sales-orders/governance',
      'http://backend/api/data-mesh/products/default/sales-orders/drift',
    ]);
  });

  it('encodes names and lineage parameters, asking for columns only when wanted', async () => {
    const { client, requests } = backend();
    await client.getProduct({ namespace: 'team a', name: 'x/y' });
    await client.getLineage({
      entityRef: 'component:default/sales-orders',
      depth: 2,
      direction: 'up',
    });
    await client.getLineage({
      entityRef: 'component:default/sales-orders',
      depth: 1,
      direction: 'both',
      columns: true,
    });
    expect(requests.map(r => r.url)).toEqual([
      'http://backend/api/data-mesh/products/team%20a/x%2Fy',
      'http://backend/api/data-mesh/lineage?entity=component%3Adefault%2Fsales-orders&depth=2&direction=up',
      'http://backend/api/data-mesh/lineage?entity=component%3Adefault%2Fsales-orders&depth=1&direction=both&columns=true',
    ]);
  });

  it('returns what the backend answers', async () => {
    const { client } = backend(json({ items: [{ name: 'sales-orders' }] }));
    await expect(client.listProducts()).resolves.toEqual({
      items: [{ name: 'sales-orders' }],
    });
  });

  it('posts a draft product to evaluate its governance', async () => {
    const { client, requests } = backend(json({ health: 'pass', results: [] }));
    await client.evaluateGovernance({
      entity: { kind: 'Component' },
      contract: 'apiVersion: v3.1.0',
    });
    expect(requests[0].url).toBe(
      'http://backend/api/data-mesh/governance/evaluate',
    );
    expect(requests[0].init?.method).toBe('POST');
    expect(JSON.parse(String(requests[0].init?.body))).toEqual({
      entity: { kind: 'Component' },
      contract: 'apiVersion: v3.1.0',
    });
  });

  it('rejects with the backend error, its status and message', async () => {
    const { client } = backend(
      json(
        {
          error: {
            name: 'NotFoundError',
            message: 'no data product component:default/nope',
          },
          request: {
            method: 'GET',
            url: '/api/data-mesh/products/default/nope',
          },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    const error = await client
      .getProduct({ namespace: 'default', name: 'nope' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe(
      'no data product component:default/nope',
    );
  });
});
