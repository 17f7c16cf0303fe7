import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogProductDirectory } from './productDirectory';

function product(
  name: string,
  contractId?: string,
  ports: string[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: contractId ? { 'data-mesh/contract-id': contractId } : {},
    },
    spec: {
      type: 'data-product',
      owner: 'group:default/team',
      dataProduct: {
        outputPorts: ports.map(id => ({ name: id, contractId: id })),
      },
    },
  };
}

function setUp(entities: Entity[]) {
  let current = catalogServiceMock({ entities });
  // The catalog as it is now: `publish` replaces what it holds.
  const catalog = catalogServiceMock.mock({
    getEntities: (...args) => current.getEntities(...args),
    getEntityByRef: (...args) => current.getEntityByRef(...args),
  });
  const getEntities = catalog.getEntities;
  const getEntityByRef = catalog.getEntityByRef;
  let now = 1_000_000;
  const directory = new CatalogProductDirectory(catalog, mockServices.auth(), {
    now: () => now,
  });
  return {
    directory,
    getEntities,
    getEntityByRef,
    advance: (ms: number) => {
      now += ms;
    },
    publish: (all: Entity[]) => {
      current = catalogServiceMock({ entities: all });
    },
  };
}

describe('CatalogProductDirectory', () => {
  it('answers who claims and serves contract ids from one listing of the products', async () => {
    const { directory, getEntities } = setUp([
      product('orders', 'urn:orders', ['urn:orders']),
      product('orders-copy', 'urn:orders'),
      product('events', 'urn:events', ['urn:Events', 'urn:events']),
      product('plain'),
    ]);

    await expect(
      directory.productsWithContractId('urn:orders'),
    ).resolves.toEqual([
      'component:default/orders',
      'component:default/orders-copy',
    ]);
    await expect(
      directory.productsWithContractId('urn:events'),
    ).resolves.toEqual(['component:default/events']);
    // Claims compare exactly; serving compares ignoring case, as the catalog's filters do.
    await expect(
      directory.productsWithContractId('URN:ORDERS'),
    ).resolves.toEqual([]);
    await expect(directory.productsServing('URN:EVENTS')).resolves.toEqual([
      'component:default/events',
    ]);
    await expect(directory.productsServing('urn:orders')).resolves.toEqual([
      'component:default/orders',
    ]);
    expect(getEntities).toHaveBeenCalledTimes(1);
  });

  it('lists again for an unknown id at most every five seconds, and every minute in any case', async () => {
    const { directory, getEntities, advance } = setUp([
      product('orders', 'urn:orders'),
    ]);
    // Many products asking about ids nobody claims yet (a first ingestion) share a listing.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        directory.productsWithContractId(`urn:new-${i}`),
      ),
    );
    expect(getEntities).toHaveBeenCalledTimes(1);
    advance(4_000);
    await directory.productsWithContractId('urn:new-21');
    expect(getEntities).toHaveBeenCalledTimes(1);
    advance(1_000);
    await directory.productsWithContractId('urn:new-22');
    expect(getEntities).toHaveBeenCalledTimes(2);
    // A known id is answered from the listing until it is a minute old.
    advance(30_000);
    await directory.productsWithContractId('urn:orders');
    expect(getEntities).toHaveBeenCalledTimes(2);
    advance(30_000);
    await directory.productsWithContractId('urn:orders');
    expect(getEntities).toHaveBeenCalledTimes(3);
  });

  it('finds a product published after a listing that missed it, five seconds later', async () => {
    const entities = [product('orders', 'urn:orders')];
    const { directory, advance, publish } = setUp(entities);
    await expect(directory.productsWithContractId('urn:late')).resolves.toEqual(
      [],
    );
    publish([...entities, product('late', 'urn:late', ['urn:late'])]);
    advance(1_000);
    await expect(directory.productsWithContractId('urn:late')).resolves.toEqual(
      [],
    );
    advance(4_000);
    await expect(directory.productsWithContractId('urn:late')).resolves.toEqual(
      ['component:default/late'],
    );
    await expect(directory.productsServing('urn:late')).resolves.toEqual([
      'component:default/late',
    ]);
  });

  it('counts the claims it was told of before the catalog publishes them', async () => {
    const { directory, getEntities, advance, publish } = setUp([
      product('orders', 'urn:orders'),
    ]);
    await expect(directory.productsWithContractId('urn:new')).resolves.toEqual(
      [],
    );
    directory.noteClaim('component:default/new', 'urn:new');
    // A second product with the same id, processed before the first is published, sees it.
    await expect(directory.productsWithContractId('urn:new')).resolves.toEqual([
      'component:default/new',
    ]);
    // A product that no longer claims its id, or claims another, leaves the listed id.
    directory.noteClaim('component:default/orders', 'urn:orders-v2');
    await expect(
      directory.productsWithContractId('urn:orders'),
    ).resolves.toEqual([]);
    await expect(
      directory.productsWithContractId('urn:orders-v2'),
    ).resolves.toEqual(['component:default/orders']);
    expect(getEntities).toHaveBeenCalledTimes(1);
    // Once published, the listing says the same; old notes are forgotten.
    publish([product('orders', 'urn:orders-v2'), product('new', 'urn:new')]);
    advance(121_000);
    await expect(directory.productsWithContractId('urn:new')).resolves.toEqual([
      'component:default/new',
    ]);
    directory.noteClaim('component:default/new', undefined);
    await expect(directory.productsWithContractId('urn:new')).resolves.toEqual(
      [],
    );
  });

  it('keeps a missing system for five seconds and a found one for a minute', async () => {
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'sales', namespace: 'default' },
      spec: { owner: 'group:default/team', domain: 'commerce' },
    };
    const { directory, getEntityByRef, advance } = setUp([system]);
    await expect(directory.domainOf('system:default/sales')).resolves.toBe(
      'domain:default/commerce',
    );
    await expect(
      directory.domainOf('system:default/missing'),
    ).resolves.toBeUndefined();
    await directory.domainOf('system:default/sales');
    await directory.domainOf('system:default/missing');
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
    advance(5_000);
    await directory.domainOf('system:default/sales');
    await directory.domainOf('system:default/missing');
    expect(getEntityByRef).toHaveBeenCalledTimes(3);
    advance(55_000);
    await directory.domainOf('system:default/sales');
    expect(getEntityByRef).toHaveBeenCalledTimes(4);
  });
});
