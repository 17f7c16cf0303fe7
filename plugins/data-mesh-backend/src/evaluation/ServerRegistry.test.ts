import { ConfigReader } from '@backstage/config';
import { ServerRegistry, readServerSettings } from './ServerRegistry';
import { contractYaml, productOf } from './__testUtils__/products';

const servers = (config: object) =>
  readServerSettings(new ConfigReader({ dataMesh: { servers: config } }));

const registry = (config: object) =>
  new ServerRegistry(servers(config), { timeoutMillis: 1000 });

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
  it('reads products, owners, the product directory and the limits of a file server', () => {
    expect(
      servers({
        local: {
          directory: '/srv/data',
          products: ['sales-orders', 'Component:finance/ledger'],
          owners: ['sales', 'user:default/jane'],
          productDirectory: 'data/{namespace}/{name}',
          memoryLimit: '128MB',
          maxTempDirectorySize: '1GiB',
        },
      }).get('local'),
    ).toEqual({
      name: 'local',
      engine: 'duckdb',
      directory: '/srv/data',
      products: ['component:default/sales-orders', 'component:finance/ledger'],
      owners: ['group:default/sales', 'user:default/jane'],
      productDirectory: 'data/{namespace}/{name}',
      memoryLimit: '128MB',
      maxTempDirectorySize: '1GiB',
    });
    expect(servers({ local: { directory: '/srv/data' } }).get('local')).toEqual(
      expect.objectContaining({ productDirectory: '{name}' }),
    );
  });

  it('reads the roles of a PostgreSQL server by domain name', () => {
    expect(
      servers({
        warehouse: {
          connection: 'postgresql://reader@db/warehouse',
          roles: { Sales: 'sales_reader', finance: 'finance_reader' },
          defaultRole: 'mesh_reader',
        },
      }).get('warehouse'),
    ).toEqual(
      expect.objectContaining({
        engine: 'postgres',
        roles: { sales: 'sales_reader', finance: 'finance_reader' },
        defaultRole: 'mesh_reader',
      }),
    );
  });

  it.each([
    [
      { local: { directory: '.', products: ['component:'] } },
      /dataMesh\.servers\.local\.products\[0\]: "component:" is not an entity ref/,
    ],
    [
      { local: { directory: '.', productDirectory: '{owner}/{name}' } },
      /dataMesh\.servers\.local\.productDirectory: unknown token \{owner\}/,
    ],
    [
      { local: { directory: '.', productDirectory: '../{name}' } },
      /must be a path relative to the server's directory, without "\.\."/,
    ],
    [
      { local: { directory: '.', productDirectory: 'shared' } },
      /holding \{name\}/,
    ],
    [
      { local: { directory: '.', memoryLimit: 'lots' } },
      /dataMesh\.servers\.local\.memoryLimit: "lots" is not a size/,
    ],
    [
      { local: { directory: '.', roles: { sales: 'r' } } },
      /dataMesh\.servers\.local\.roles applies to PostgreSQL servers only/,
    ],
    [
      { w: { connection: 'postgresql://x/y', productDirectory: '{name}' } },
      /dataMesh\.servers\.w\.productDirectory applies to directory/,
    ],
    [{ w: {} }, /needs "directory" \(files, DuckDB\) or "connection"/],
  ])('refuses %j', (config, message) => {
    expect(() => servers(config)).toThrow(message);
  });
});

describe('ServerRegistry', () => {
  it('evaluates every product on a server without products or owners', () => {
    const local = registry({ local: { directory: '/srv/data' } });
    const choice = local.serverFor(onLocal('sales-orders'));
    expect(choice).toEqual({
      evaluated: expect.objectContaining({ productDirectory: 'sales-orders' }),
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
        productDirectory: 'data/default/ledger',
      }),
    });
    expect(local.isEvaluated(listed, listed.contract!.servers![0])).toBe(true);
    expect(local.isEvaluated(other, other.contract!.servers![0])).toBe(false);
    expect(local.serverFor(other)).toEqual({
      reason:
        'server local does not serve component:default/leads (dataMesh.servers.local.products, dataMesh.servers.local.owners)',
    });
  });

  it("runs a product's checks as its domain's role, else the default role, else not at all", () => {
    const roles = { sales: 'sales_reader' };
    const withDefault = registry({
      warehouse: {
        connection: 'postgresql://x/y',
        roles,
        defaultRole: 'mesh_reader',
      },
    });
    const strict = registry({
      warehouse: { connection: 'postgresql://x/y', roles },
    });
    const sales = onWarehouse('orders', 'domain:default/sales');
    const marketing = onWarehouse('leads', 'domain:default/marketing');
    const homeless = onWarehouse('scratch');
    expect(strict.serverFor(sales)).toEqual({
      evaluated: expect.objectContaining({ role: 'sales_reader' }),
    });
    expect(withDefault.serverFor(marketing)).toEqual({
      evaluated: expect.objectContaining({ role: 'mesh_reader' }),
    });
    expect(strict.serverFor(marketing)).toEqual({
      reason:
        'server warehouse has no role for domain marketing (dataMesh.servers.warehouse.roles, .defaultRole)',
    });
    expect(strict.serverFor(homeless)).toEqual({
      reason:
        'server warehouse has no role for component:default/scratch, which has no domain (dataMesh.servers.warehouse.roles, .defaultRole)',
    });
    expect(
      registry({ warehouse: { connection: 'postgresql://x/y' } }).serverFor(
        homeless,
      ),
    ).toEqual({ evaluated: expect.objectContaining({ role: undefined }) });
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
  });
});
