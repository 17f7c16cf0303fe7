import { ConfigReader } from '@backstage/config';
import type { SloEngineProduct } from '@backstage-data-mesh/plugin-data-mesh-node';
import { readPostgresServerSettings, roleFor } from './postgresEngine';

const settings = (server: object) =>
  readPostgresServerSettings('warehouse', new ConfigReader(server));

const product = (name: string, domain?: string): SloEngineProduct => ({
  entityRef: `component:default/${name}`,
  name,
  namespace: 'default',
  domain,
});

describe('readPostgresServerSettings', () => {
  it('reads the connection and the roles of a PostgreSQL server by domain name', () => {
    expect(
      settings({
        connection: 'postgresql://reader@db/warehouse',
        roles: { Sales: 'sales_reader', finance: 'finance_reader' },
        defaultRole: 'mesh_reader',
      }),
    ).toEqual({
      name: 'warehouse',
      // as many connections as products are evaluated at once, by default
      connection: {
        connectionString: 'postgresql://reader@db/warehouse',
        max: 8,
      },
      roles: { sales: 'sales_reader', finance: 'finance_reader' },
      defaultRole: 'mesh_reader',
    });
    expect(
      settings({
        connection: { host: 'db', port: 5432, user: 'reader', ssl: true },
      }).connection,
    ).toEqual(
      expect.objectContaining({
        host: 'db',
        port: 5432,
        user: 'reader',
        ssl: { rejectUnauthorized: true },
      }),
    );
    expect(
      settings({ connection: 'postgresql://x/y', poolSize: 20 }).connection
        .max,
    ).toBe(20);
  });

  it.each([
    [{ roles: {} }, /dataMesh\.servers\.warehouse\.connection is missing/],
    [
      { connection: 'postgresql://x/y', roles: {} },
      /dataMesh\.servers\.warehouse\.roles names no domain/,
    ],
    [
      { connection: 'postgresql://x/y', poolSize: 0 },
      /dataMesh\.servers\.warehouse\.poolSize must be a whole number above 0 \(it is 0\)/,
    ],
  ])('refuses %j', (config, message) => {
    expect(() => settings(config)).toThrow(message);
  });
});

describe('roleFor', () => {
  it("runs a product's checks as its domain's role, else the default role, else not at all", () => {
    const roles = { sales: 'sales_reader' };
    const withDefault = settings({
      connection: 'postgresql://x/y',
      roles,
      defaultRole: 'mesh_reader',
    });
    const strict = settings({ connection: 'postgresql://x/y', roles });
    const sales = product('orders', 'domain:default/sales');
    const marketing = product('leads', 'domain:default/marketing');
    const homeless = product('scratch');
    expect(roleFor(sales, strict)).toEqual({ grant: { role: 'sales_reader' } });
    expect(roleFor(marketing, withDefault)).toEqual({
      grant: { role: 'mesh_reader' },
    });
    expect(roleFor(marketing, strict)).toEqual({
      reason:
        'server warehouse has no role for domain marketing (dataMesh.servers.warehouse.roles, .defaultRole)',
    });
    expect(roleFor(homeless, strict)).toEqual({
      reason:
        'server warehouse has no role for component:default/scratch, which has no domain (dataMesh.servers.warehouse.roles, .defaultRole)',
    });
    expect(
      roleFor(homeless, settings({ connection: 'postgresql://x/y' })),
    ).toEqual({ grant: { role: undefined } });
  });
});
