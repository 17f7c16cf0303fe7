import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const backend = 'http://localhost:7007';

test('an MCP client lists the data-mesh actions of the running backend and calls one', async ({
  request,
}) => {
  const auth = await request.get(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(auth.ok()).toBeTruthy();
  const token = (await auth.json()).backstageIdentity.token;

  const client = new Client({ name: 'data-mesh-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${backend}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
    ),
  );
  try {
    const { tools } = await client.listTools();
    const dataMesh = tools.filter(t =>
      [
        'find-data-products',
        'get-data-contract',
        'get-slo-status',
        'check-governance',
        'diff-contract-versions',
      ].includes(t.name),
    );
    expect(dataMesh.map(t => t.name).sort()).toEqual([
      'check-governance',
      'diff-contract-versions',
      'find-data-products',
      'get-data-contract',
      'get-slo-status',
    ]);
    for (const tool of dataMesh)
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });

    // The guest (Product Analytics) finds the products it may discover: sales-orders, but
    // not the restricted general-ledger of Finance.
    const found = await client.callTool({
      name: 'find-data-products',
      arguments: { query: 'orders' },
    });
    expect(found.isError).toBeFalsy();
    const output = JSON.parse((found.content as any)[0].text);
    const refs = output.products.map((p: any) => p.entityRef);
    expect(refs).toContain('component:default/sales-orders');
    const ledger = await client.callTool({
      name: 'find-data-products',
      arguments: { query: 'ledger' },
    });
    expect(JSON.parse((ledger.content as any)[0].text).products).toEqual([]);
    test.info().annotations.push({
      type: 'mcp',
      description: `${
        dataMesh.length
      } data-mesh tools; find-data-products "orders": ${refs.join(', ')}`,
    });
  } finally {
    await client.close();
  }
});
