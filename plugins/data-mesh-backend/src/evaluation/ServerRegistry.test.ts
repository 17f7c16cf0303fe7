import { contractYaml, productOf } from './__testUtils__/products';
import { registryOf, serverSettings } from './__testUtils__/servers';

const registry = (config: object) => registryOf(config, 1000);

const onLocal = (
  name: string,
  extra: { owner?: string; domain?: string } = {},
) => productOf(name, contractYaml({ path: `${name}/orders.csv` }), extra);

const onWarehouse = (name: string, domain?: string) =>
  productOf(
    name,
    contractYaml({ path: 'orders', server: 'warehouse', type: 'postgres' }),
    { domain },
  );

describe('readServerSettings', () => {
  it("reads each server's products and owners, and its engine from its keys or by name", () => {
    const settings = serverSettings({
      local: {
        directory: '/srv/data',
        products: ['sales-orders', 'Component:finance/ledger'],
        owners: ['sales', 'user:default/jane'],
      },
      warehouse: { connection: 'postgresql://reader@db/warehouse' },
      files: { engine: 'duckdb', directory: '/srv/files' },
    });
    expect(settings.get('local')).toEqual(
      expect.objectContaining({
        products: [
          'component:default/sales-orders',
          'component:finance/ledger',
        ],
        owners: ['group:default/sales', 'user:default/jane'],
        engine: expect.objectContaining({ id: 'duckdb' }),
      }),
    );
    expect(settings.get('warehouse')?.engine?.id).toBe('postgres');
    expect(settings.get('files')?.engine?.id).toBe('duckdb');
  });

  it.each([
    [
      { local: { directory: '.', products: ['component:'] } },
      /dataMesh\.servers\.local\.products\[0\]: "component:" is not an entity ref/,
    ],
    [
      { local: { directory: '.', roles: { sales: 'r' } } },
      /dataMesh\.servers\.local\.roles is not a setting of duckdb servers; they take engine, products, owners, directory, productDirectory/,
    ],
    [
      { w: { connection: 'postgresql://x/y', productDirectory: '{name}' } },
      /dataMesh\.servers\.w\.productDirectory is not a setting of postgres servers/,
    ],
    [
      { local: { directory: '.', memoryLimit: 'lots' } },
      /dataMesh\.servers\.local\.memoryLimit: "lots" is not a size/,
    ],
  ])('refuses %j', (config, message) => {
    expect(() => serverSettings(config)).toThrow(message);
  });

  it('keeps a server no installed engine evaluates, with the reason', () => {
    expect(serverSettings({ w: {} }).get('w')).toEqual({
      name: 'w',
      unavailable:
        'no installed SLO engine evaluates server w: name one in dataMesh.servers.w.engine (duckdb, postgres) or give "directory" (duckdb) or "connection" (postgres)',
    });
    expect(
      serverSettings({ lake: { engine: 'trino', catalog: 'hive' } }).get(
        'lake',
      ),
    ).toEqual(
      expect.objectContaining({
        unavailable:
          'server lake is evaluated by the SLO engine "trino" (dataMesh.servers.lake.engine), which is not installed (installed: duckdb, postgres)',
      }),
    );
    expect(
      serverSettings({ local: { directory: '/srv/data' } }, []).get('local'),
    ).toEqual({
      name: 'local',
      unavailable: 'server local is not evaluated: no SLO engine is installed',
    });
  });
});

describe('ServerRegistry', () => {
  it('evaluates every product on a server without products or owners', () => {
    const local = registry({ local: { directory: '/srv/data' } });
    expect(local.serverFor(onLocal('sales-orders'))).toEqual({
      evaluated: expect.objectContaining({
        grant: { productDirectory: 'sales-orders' },
      }),
    });
  });

  it('evaluates only the products listed, or owned by the owners listed, and says why not', () => {
    const local = registry({
      local: {
        directory: '/srv/data',
        products: ['sales-orders'],
        owners: ['group:default/finance'],
        productDirectory: 'data/{namespace}/{name}',
      },
    });
    const listed = onLocal('sales-orders');
    const owned = onLocal('ledger', { owner: 'group:default/Finance' });
    const other = onLocal('leads', { owner: 'group:default/marketing' });
    expect(local.serverFor(owned)).toEqual({
      evaluated: expect.objectContaining({
        grant: { productDirectory: 'data/default/ledger' },
      }),
    });
    expect(local.isEvaluated(listed, listed.contract!.servers![0])).toBe(true);
    expect(local.isEvaluated(other, other.contract!.servers![0])).toBe(false);
    expect(local.serverFor(other)).toEqual({
      reason:
        'server local does not serve component:default/leads (dataMesh.servers.local.products, dataMesh.servers.local.owners)',
    });
  });

  it("asks the server's engine whether it admits the product: a PostgreSQL server with roles needs one for the product's domain", () => {
    const strict = registry({
      warehouse: {
        connection: 'postgresql://x/y',
        roles: { sales: 'sales_reader' },
      },
    });
    expect(
      strict.serverFor(onWarehouse('orders', 'domain:default/sales')),
    ).toEqual({
      evaluated: expect.objectContaining({ grant: { role: 'sales_reader' } }),
    });
    expect(
      strict.serverFor(onWarehouse('leads', 'domain:default/marketing')),
    ).toEqual({
      reason:
        'server warehouse has no role for domain marketing (dataMesh.servers.warehouse.roles, .defaultRole)',
    });
  });

  it('says why a contract server is not evaluated', () => {
    const local = registry({ local: { directory: '/srv/data' } });
    expect(local.serverFor(onWarehouse('orders'))).toEqual({
      reason: 'server warehouse is not configured (dataMesh.servers.warehouse)',
    });
    const misnamed = productOf(
      'orders',
      contractYaml({ path: 'orders', type: 'postgres' }),
    );
    expect(local.serverFor(misnamed)).toEqual({
      reason:
        'server local is of type postgres, which dataMesh.servers.local (a directory) does not evaluate',
    });
    const pushOnly = registryOf(
      { local: { directory: '/srv/data' } },
      1000,
      [],
    );
    expect(pushOnly.serverFor(onLocal('sales-orders'))).toEqual({
      reason: 'server local is not evaluated: no SLO engine is installed',
    });
  });
});
