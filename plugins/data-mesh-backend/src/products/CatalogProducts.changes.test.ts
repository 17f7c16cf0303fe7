import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-client';
import { CatalogProducts } from './CatalogProducts';
import type { RecordedContracts } from './RecordedContracts';

const contract = (id: string, version = '1.0.0') => ({
  apiVersion: 'v3.1.0' as const,
  kind: 'DataContract' as const,
  id,
  version,
  status: 'active',
  schema: [
    { name: 't', properties: [{ name: 'a', logicalType: 'string' as const }] },
  ],
});

function product(name: string, etag: string, inline?: object): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', etag },
    spec: {
      type: 'data-product',
      owner: 'group:default/sales',
      dataProduct: inline ? { contract: inline } : {},
    },
  };
}

/** The catalog module's records, counting what was asked. */
class Records implements RecordedContracts {
  readonly asked: string[][] = [];
  constructor(readonly byRef: Map<string, RecordedProductContract>) {}
  async load(refs: readonly string[]) {
    this.asked.push([...refs]);
    return new Map(
      refs.filter(r => this.byRef.has(r)).map(r => [r, this.byRef.get(r)!]),
    );
  }
}

function record(ref: string, version: string): RecordedProductContract {
  return {
    entityRef: ref,
    contractHash: `hash-${version}`,
    format: 'odcs',
    location: './contract.yaml',
    contract: contract(ref, version) as any,
    source: `version: ${version}\n`,
    issues: [],
    readAt: Number(version.replace(/\./g, '')),
  };
}

describe('CatalogProducts', () => {
  function setup(entities: Entity[], records: Records) {
    const catalog = catalogServiceMock({ entities });
    const fetched: string[][] = [];
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    catalog.getEntitiesByRefs = async (request, options) => {
      fetched.push(request.entityRefs);
      return getEntitiesByRefs(request, options);
    };
    const source = new CatalogProducts({
      catalog,
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
      resolveUrl: ({ url }) => url,
      logger: mockServices.logger.mock(),
      refreshMillis: 0,
      records,
    });
    return { source, fetched, catalog };
  }

  it('takes contracts from what the catalog recorded, reading one only when the catalog recorded none', async () => {
    const records = new Records(
      new Map([
        ['component:default/a', record('component:default/a', '1.0.0')],
      ]),
    );
    const { source } = setup(
      [product('a', 'e1'), product('b', 'e1', contract('b'))],
      records,
    );
    const [a, b] = await source.listProducts();
    expect(a.contract?.version).toBe('1.0.0');
    expect(a.contractText).toBe('version: 1.0.0\n');
    expect(a.slos).toEqual([]);
    expect(b.contract?.id).toBe('b');
    expect(source.sourceReads).toBe(1);
  });

  it('fetches only the products whose etag changed, and keeps the listing while nothing did', async () => {
    const records = new Records(
      new Map([
        ['component:default/a', record('component:default/a', '1.0.0')],
        ['component:default/b', record('component:default/b', '1.0.0')],
      ]),
    );
    const entities = [product('a', 'e1'), product('b', 'e1')];
    const { source, fetched, catalog } = setup(entities, records);
    const first = await source.listProducts();
    expect(fetched).toEqual([['component:default/a', 'component:default/b']]);
    expect(await source.listProducts()).toBe(first);
    expect(fetched).toHaveLength(1);

    records.byRef.set(
      'component:default/b',
      record('component:default/b', '1.1.0'),
    );
    const changed = product('b', 'e2');
    const getEntities = catalog.getEntities.bind(catalog);
    catalog.getEntities = async (request, options) => {
      const answer = await getEntities(request, options);
      return {
        items: answer.items.map(e =>
          e.metadata.name === 'b' && e.kind === 'Component' ? changed : e,
        ),
      };
    };
    const getEntitiesByRefs = catalog.getEntitiesByRefs;
    catalog.getEntitiesByRefs = async (request, options) => {
      const answer = await getEntitiesByRefs(request, options);
      return {
        items: answer.items.map(e => (e?.metadata.name === 'b' ? changed : e)),
      };
    };
    const second = await source.listProducts();
    expect(second).not.toBe(first);
    expect(fetched[1]).toEqual(['component:default/b']);
    expect(second.find(p => p.name === 'b')!.contract?.version).toBe('1.1.0');
    expect(second.find(p => p.name === 'a')).toBe(first[0]);
    expect(source.sourceReads).toBe(0);
  });

  it('serves the products though a listener failed, and tells it everything on the next look', async () => {
    const { source } = setup(
      [product('a', 'e1', contract('a'))],
      new Records(new Map()),
    );
    const heard: Array<{ initial: boolean; all: number }> = [];
    let fail = true;
    source.onChange(async change => {
      heard.push({ initial: change.initial, all: change.all.length });
      if (fail) throw new Error('the index is down');
    });
    expect(await source.listProducts()).toHaveLength(1);
    fail = false;
    expect(await source.listProducts()).toHaveLength(1);
    expect(heard).toEqual([
      { initial: true, all: 1 },
      { initial: true, all: 1 },
    ]);
  });

  it('answers a listener that reads the products while it hears of a change, with the products it was told of', async () => {
    const { source, catalog } = setup(
      [product('a', 'e1', contract('a'))],
      new Records(new Map()),
    );
    const read: Array<string | undefined> = [];
    // As the contract versions do: a change makes the listener look for the product's consumers.
    source.onChange(async change => {
      if (change.initial) return;
      const all = await source.listProducts();
      const a = await source.getProduct('component:default/a');
      read.push(`${all.length} ${a?.contract?.version}`);
    });
    await source.listProducts();
    catalog.getEntitiesByRefs = async () => ({
      items: [product('a', 'e2', contract('a', '2.0.0'))],
    });
    const getEntities = catalog.getEntities.bind(catalog);
    catalog.getEntities = async (request, options) => {
      const answer = await getEntities(request, options);
      return {
        ...answer,
        items: answer.items.map(item => ({
          ...item,
          metadata: { ...item.metadata, etag: 'e2' },
        })),
      };
    };
    // Before, the refresh waited for its own listener, and this never resolved.
    const listed = await Promise.race([
      source.listProducts().then(all => all.length),
      new Promise(resolve => setTimeout(() => resolve('still waiting'), 5000)),
    ]);
    expect(listed).toBe(1);
    expect(read).toEqual(['1 2.0.0']);
  });

  it('asks the catalog again for a product it does not know yet, at most once a second', async () => {
    const entities = [product('a', 'e1')];
    const catalog = catalogServiceMock({ entities });
    const source = new CatalogProducts({
      catalog,
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
      resolveUrl: ({ url }) => url,
      logger: mockServices.logger.mock(),
      refreshMillis: 3_600_000,
    });
    expect(await source.getProduct('a')).toBeDefined();
    const getEntities = catalog.getEntities.bind(catalog);
    let asked = 0;
    catalog.getEntities = async (request, options) => {
      asked += 1;
      const answer = await getEntities(request, options);
      return (request?.filter as any)?.kind === 'Component'
        ? { items: [...answer.items, product('new', 'e1', contract('n'))] }
        : answer;
    };
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    catalog.getEntitiesByRefs = async (request, options) => ({
      items: await Promise.all(
        request.entityRefs.map(async ref =>
          ref === 'component:default/new'
            ? product('new', 'e1', contract('n'))
            : (
                await getEntitiesByRefs({ entityRefs: [ref] }, options)
              ).items[0],
        ),
      ),
    });
    // Just asked: an unknown product is not worth asking again yet.
    expect(await source.getProduct('new')).toBeUndefined();
    await new Promise(r => setTimeout(r, 1100));
    expect((await source.getProduct('new'))?.contract?.id).toBe('n');
    expect(asked).toBeGreaterThan(0);
  });
});
