import type { OdcsServer } from '../odcs/model';
import {
  DatasetMatcher,
  datasetPatterns,
  datasetRef,
  normalizeNamespace,
} from './datasetNames';

describe('datasetPatterns', () => {
  it('names PostgreSQL tables as postgres://host:port and database.schema.table', () => {
    const server = {
      server: 'prod',
      type: 'postgresql',
      host: 'warehouse',
      port: 5432,
      database: 'shop',
      schema: 'public',
    } as OdcsServer;
    expect(datasetPatterns(server, ['orders'])).toEqual([
      { namespace: 'postgres://warehouse:5432', name: 'shop.public.orders' },
    ]);
  });

  it('names local files by absolute path, one per object', () => {
    const server = {
      server: 'local',
      type: 'local',
      path: './data/{model}.parquet',
      format: 'parquet',
    } as OdcsServer;
    expect(
      datasetPatterns(
        server,
        ['orders', 'items'],
        p => `/srv/${p.replace('./', '')}`,
      ),
    ).toEqual([
      { namespace: 'file', name: '/srv/data/orders.parquet' },
      { namespace: 'file', name: '/srv/data/items.parquet' },
    ]);
  });

  it('names object storage by bucket and path', () => {
    const server = {
      server: 's3',
      type: 's3',
      location: 's3://lake/sales/orders/*.parquet',
      format: 'parquet',
    } as OdcsServer;
    expect(datasetPatterns(server, ['orders'])).toEqual([
      { namespace: 's3://lake', name: 'sales/orders' },
    ]);
  });
});

describe('DatasetMatcher', () => {
  const matcher = new DatasetMatcher()
    .add('component:default/orders', [
      { namespace: 'postgres://warehouse:5432', name: 'shop.public.orders' },
    ])
    .add('component:default/customers', [
      { namespace: 'postgres://warehouse:5432', name: 'shop.public.customers' },
    ])
    .add('component:default/lake', [
      { namespace: 's3://lake', name: 'sales/orders' },
    ]);

  it('matches the full name, a dotted suffix, and postgresql:// as postgres://', () => {
    expect(
      matcher.match({
        namespace: 'postgres://warehouse:5432',
        name: 'shop.public.orders',
      }),
    ).toBe('component:default/orders');
    expect(
      matcher.match({
        namespace: 'postgresql://warehouse:5432',
        name: 'public.customers',
      }),
    ).toBe('component:default/customers');
    expect(
      matcher.match({
        namespace: 'POSTGRES://warehouse:5432/',
        name: 'PUBLIC.ORDERS',
      }),
    ).toBe('component:default/orders');
  });

  it('does not match a name that merely ends alike, nor another server', () => {
    expect(
      matcher.match({
        namespace: 'postgres://warehouse:5432',
        name: 'shop.public.old_orders',
      }),
    ).toBeUndefined();
    expect(
      matcher.match({
        namespace: 'postgres://other:5432',
        name: 'shop.public.orders',
      }),
    ).toBeUndefined();
  });

  it('matches files inside a folder pattern', () => {
    expect(
      matcher.match({
        namespace: 's3://lake',
        name: 'sales/orders/part-0001.parquet',
      }),
    ).toBe('component:default/lake');
  });

  it('gives unmatched datasets a node id of their own', () => {
    expect(
      datasetRef({ namespace: 'kafka://broker:9092', name: 'orders.v1' }),
    ).toBe('dataset:kafka://broker:9092/orders.v1');
    expect(normalizeNamespace('file://')).toBe('file');
  });
});
