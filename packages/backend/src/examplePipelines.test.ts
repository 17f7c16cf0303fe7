import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { examplePipelinesModule } from './examplePipelines';

const examples = path.resolve(__dirname, '../../../examples');

async function waitFor(condition: () => boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs)
      throw new Error('timed out waiting for the lineage report');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('the example pipelines', () => {
  it('write fresh example data when the backend starts', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-pipelines-'));
    const backend = await startTestBackend({
      features: [
        examplePipelinesModule,
        mockServices.rootConfig.factory({
          data: {
            dataMesh: {
              examples: { pipelines: { examples, directory: out } },
            },
          },
        }),
      ],
    });
    try {
      // The mock scheduler runs the task during startup, before startTestBackend resolves.
      const products = fs.readdirSync(path.join(out, 'data'));
      expect(products).toEqual(
        expect.arrayContaining(['sales-orders', 'feature-usage']),
      );
    } finally {
      await backend.stop();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("report each pipeline's lineage, column by column, to the OpenLineage endpoint, as the plugin", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-pipelines-'));
    const received: Array<{ auth?: string; url?: string; body: any }> = [];
    const endpoint = http.createServer((req, res) => {
      let text = '';
      req.on('data', chunk => {
        text += chunk;
      });
      req.on('end', () => {
        received.push({
          auth: req.headers.authorization,
          url: req.url,
          body: JSON.parse(text),
        });
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>(resolve => endpoint.listen(0, resolve));
    const port = (endpoint.address() as AddressInfo).port;
    const backend = await startTestBackend({
      features: [
        examplePipelinesModule,
        mockServices.discovery.mock({
          getBaseUrl: async plugin => `http://localhost:${port}/api/${plugin}`,
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            dataMesh: {
              examples: { pipelines: { examples, directory: out } },
            },
          },
        }),
      ],
    });
    try {
      await waitFor(() => received.length >= 4);
      expect(received[0].url).toBe('/api/data-mesh/openlineage/api/v1/lineage');
      expect(received[0].auth).toMatch(/^Bearer /);
      const revenue = received.find(
        r => r.body.job.name === 'dbt.revenue_daily',
      )!.body;
      expect(revenue.outputs[0].name).toBe(
        path.join(out, 'data/revenue-metrics/revenue_daily.parquet'),
      );
      expect(
        revenue.outputs[0].facets.columnLineage.fields.order_count,
      ).toEqual({
        inputFields: [
          {
            namespace: 'file',
            name: path.join(out, 'data/sales-orders/orders.parquet'),
            field: 'order_id',
          },
        ],
      });
    } finally {
      await backend.stop();
      endpoint.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('do nothing without their configuration', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        examplePipelinesModule,
        scheduler.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    await backend.stop();
  });
});
