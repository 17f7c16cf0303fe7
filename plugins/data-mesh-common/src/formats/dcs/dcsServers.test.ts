import { ConversionTrace } from '../conversionTrace';
import { convertDcsServers } from './dcsServers';

describe('convertDcsServers', () => {
  it('puts the connection fields ODCS defines for the type in the server, the rest in custom properties', () => {
    const trace = new ConversionTrace();
    expect(
      convertDcsServers(
        {
          events: {
            type: 'kafka',
            host: 'broker:9092',
            topic: 'orders',
            format: 'avro',
          },
        },
        trace,
      ),
    ).toEqual([
      {
        server: 'events',
        type: 'kafka',
        host: 'broker:9092',
        format: 'avro',
        customProperties: [{ property: 'topic', value: 'orders' }],
      },
    ]);
    expect(trace.origins.get('/servers/0/host')).toBe('/servers/events/host');
  });

  it('makes a type ODCS does not know a custom server, keeping the DCS type', () => {
    expect(
      convertDcsServers(
        { df: { type: 'dataframe', description: 'in memory' } },
        new ConversionTrace(),
      ),
    ).toEqual([
      {
        server: 'df',
        type: 'custom',
        description: 'in memory',
        customProperties: [{ property: 'type', value: 'dataframe' }],
      },
    ]);
  });

  it('makes a type that only ODCS v3.2 has a custom server, as converted contracts are v3.1', () => {
    const [server] = convertDcsServers(
      { lake: { type: 'iceberg', catalog: 'main', encoding: 'UTF-8' } },
      new ConversionTrace(),
    );
    expect(server).toEqual({
      server: 'lake',
      type: 'custom',
      catalog: 'main',
      customProperties: [
        { property: 'type', value: 'iceberg' },
        { property: 'encoding', value: 'UTF-8' },
      ],
    });
  });

  it('reads a type named like a built-in object key as an unknown type', () => {
    const [server] = convertDcsServers(
      { odd: { type: 'constructor', host: 'h' } },
      new ConversionTrace(),
    );
    expect(server).toMatchObject({ server: 'odd', type: 'custom', host: 'h' });
  });

  it('keeps the keys of roles ODCS has no place for', () => {
    const [server] = convertDcsServers(
      {
        db: {
          type: 'postgres',
          host: 'h',
          port: 5432,
          database: 'd',
          schema: 's',
          roles: [{ name: 'r', region: 'eu' }],
        },
      },
      new ConversionTrace(),
    );
    expect(server.roles).toEqual([
      { role: 'r', customProperties: [{ property: 'region', value: 'eu' }] },
    ]);
    expect(server.port).toBe(5432);
  });
});
