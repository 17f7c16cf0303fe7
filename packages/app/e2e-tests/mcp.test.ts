import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { guestToken, waitForProduct } from './support';

const backend = 'http://localhost:7007';

test('an MCP client lists the data-mesh actions of the running backend and calls one', async ({
  request,
}) => {
  test.setTimeout(240_000);
  await waitForProduct(request, 'component:default/sales-orders');
  const token = await guestToken(request);

  const client = new Client({ name: 'data-mesh-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${backend}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
    ),
  );
  try {
    const { tools } = await client.listTools();
    // tool names are namespaced by plugin: data-mesh.<action>
    const dataMesh = tools.filter(t => t.name.startsWith('data-mesh.'));
    expect(dataMesh.map(t => t.name).sort()).toEqual([
      'data-mesh.check-governance',
      'data-mesh.diff-contract-versions',
      'data-mesh.find-data-products',
      'data-mesh.get-data-contract',
      'data-mesh.get-slo-status',
    ]);
    for (const tool of dataMesh)
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });

    // The guest (Product Analytics) finds the products it may discover: sales-orders, but
    // not the restricted general-ledger of Finance.
    const found = await client.callTool({
      name: 'data-mesh.find-data-products',
      arguments: { query: 'orders' },
    });
    expect(found.isError).toBeFalsy();
    const output = JSON.parse((found.content as any)[0].text);
    const refs = output.products.map((p: any) => p.entityRef);
    expect(refs).toContain('component:default/sales-orders');
    const ledger = await client.callTool({
      name: 'data-mesh.find-data-products',
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
