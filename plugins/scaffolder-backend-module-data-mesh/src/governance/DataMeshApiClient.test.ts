import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { DiscoveryService } from '@backstage/backend-plugin-api';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataMeshApiClient } from './DataMeshApiClient';

describe('DataMeshApiClient', () => {
  let server: http.Server;
  const requests: {
    method?: string;
    url?: string;
    authorization?: string;
    body: string;
  }[] = [];
  let discovery: DiscoveryService;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        requests.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          body,
        });
        res.setHeader('Content-Type', 'application/json');
        if (req.url === '/api/data-mesh/governance/evaluate') {
          res.end(
            JSON.stringify({
              entityRef: 'component:default/x',
              health: 'pass',
              blocked: false,
              results: [],
              summary: {},
              issues: [],
            }),
          );
        } else if (
          req.url === '/api/data-mesh/products/default/sales-orders/contract'
        ) {
          res.end(JSON.stringify({ format: 'odcs', source: 'x', issues: [] }));
        } else {
          res.statusCode = 404;
          res.end(
            JSON.stringify({
              error: { name: 'NotFoundError', message: `no ${req.url}` },
            }),
          );
        }
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    discovery = {
      getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId =>
        `http://127.0.0.1:${port}/api/${pluginId}`,
    };
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => requests.splice(0));

  const client = () =>
    new DataMeshApiClient({ discovery, auth: mockServices.auth() });
  const credentials = mockCredentials.user('user:default/sam');

  it('posts the draft to the evaluate route on behalf of the user', async () => {
    const report = await client().evaluate(
      { entity: { kind: 'Component' }, contract: 'apiVersion: v3.1.0' },
      { credentials },
    );
    expect(report.health).toBe('pass');
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/api/data-mesh/governance/evaluate',
        authorization: mockCredentials.service.header({
          onBehalfOf: credentials,
          targetPluginId: 'data-mesh',
        }),
        body: JSON.stringify({
          entity: { kind: 'Component' },
          contract: 'apiVersion: v3.1.0',
        }),
      },
    ]);
  });

  it("reads a product's contract by its entity ref", async () => {
    await client().currentContract('sales-orders', { credentials });
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET /api/data-mesh/products/default/sales-orders/contract',
    ]);
  });

  it('reports what the backend answered when it fails', async () => {
    await expect(
      client().currentContract('component:default/nothing', { credentials }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      response: { status: 404 },
    });
  });
});
