import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { SloEngineProduct } from '@backstage-data-mesh/plugin-data-mesh-node';
import { slo } from '@backstage-data-mesh/plugin-data-mesh-node/testUtils';
import { duckDbEngine, readDuckDbServerSettings } from './duckDbEngine';

const settings = (server: object) =>
  readDuckDbServerSettings('local', new ConfigReader(server));

function product(name: string, dataPath: string): SloEngineProduct {
  const { contract } = readContract(
    `apiVersion: v3.1.0
kind: DataContract
id: urn:test:${name}
version: 1.0.0
status: active
servers:
  - server: local
    type: local
    path: ${dataPath}
    format: csv
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
`,
    { fileName: `${name}.yaml` },
  );
  return {
    entityRef: `component:default/${name}`,
    name,
    namespace: 'default',
    contract,
  };
}

describe('readDuckDbServerSettings', () => {
  it('reads the directory, the product directory and the limits of a file server', () => {
    expect(
      settings({
        directory: '/srv/data',
        productDirectory: 'data/{namespace}/{name}',
        memoryLimit: '128MB',
        maxTempDirectorySize: '1GiB',
      }),
    ).toEqual({
      name: 'local',
      directory: '/srv/data',
      productDirectory: 'data/{namespace}/{name}',
      memoryLimit: '128MB',
      maxTempDirectorySize: '1GiB',
    });
    expect(settings({ directory: '/srv/data' })).toEqual(
      expect.objectContaining({
        productDirectory: '{name}',
        memoryLimit: '256MB',
        maxTempDirectorySize: '512MB',
      }),
    );
  });

  it.each([
    [
      { directory: '.', productDirectory: '{owner}/{name}' },
      /dataMesh\.servers\.local\.productDirectory: unknown token \{owner\}/,
    ],
    [
      { directory: '.', productDirectory: '../{name}' },
      /must be a path relative to the server's directory, without "\.\."/,
    ],
    [{ directory: '.', productDirectory: 'shared' }, /holding \{name\}/],
    [
      { directory: '.', memoryLimit: 'lots' },
      /dataMesh\.servers\.local\.memoryLimit: "lots" is not a size/,
    ],
    [{ engine: 'duckdb' }, /dataMesh\.servers\.local\.directory is missing/],
  ])('refuses %j', (config, message) => {
    expect(() => settings(config)).toThrow(message);
  });
});

describe('duckDbEngine', () => {
  const dir = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'dm-duckdb-engine-')),
  );
  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'data', 'orders'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'data', 'orders', 'orders.csv'),
      'order_id\no-1\no-2\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const server = duckDbEngine.configure({
    name: 'local',
    config: new ConfigReader({
      directory: dir,
      productDirectory: 'data/{name}',
    }),
  });
  const rowCount = slo('n', {
    type: 'library',
    metric: 'rowCount',
    object: 'orders',
    unit: 'rows',
  });

  it("admits every product into its own directory and measures there, from the contract's path", async () => {
    const orders = product('orders', 'data/orders/orders.csv');
    const admission = server.admit(orders);
    expect(admission).toEqual({ grant: { productDirectory: 'data/orders' } });
    const session = await server.open({
      product: orders,
      server: orders.contract!.servers![0],
      grant: (admission as { grant: { productDirectory: string } }).grant,
      limits: { timeoutMillis: 5000 },
    });
    try {
      expect(await session.measure(rowCount)).toEqual({ sloId: 'n', value: 2 });
    } finally {
      await session.close();
    }
  });

  it("refuses a contract path outside the product's own directory", async () => {
    const ledger = product('ledger', 'data/orders/orders.csv');
    fs.mkdirSync(path.join(dir, 'data', 'ledger'), { recursive: true });
    const session = await server.open({
      product: ledger,
      server: ledger.contract!.servers![0],
      grant: { productDirectory: 'data/ledger' },
      limits: { timeoutMillis: 5000 },
    });
    try {
      const measured = await session.measure(rowCount);
      expect(measured.value).toBeUndefined();
      expect(measured.error).toContain(
        "is outside the product's own directory",
      );
    } finally {
      await session.close();
    }
  });
});
