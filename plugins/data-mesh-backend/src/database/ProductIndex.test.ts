import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  dataMeshProductConditions,
  dataMeshProductPermissionRules,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import type { Knex } from 'knex';
import { type IndexedProduct, ProductIndex } from './ProductIndex';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const toQuery = createConditionTransformer(
  Object.values(dataMeshProductPermissionRules) as any,
);

const audience = (action: 'discover' | 'read', claims: string[]) =>
  toQuery(
    dataMeshProductConditions.isProductAudience({ action, claims }),
  ) as any;

function product(
  name: string,
  extra: Partial<IndexedProduct> = {},
): IndexedProduct {
  return {
    entityRef: `component:default/${name}`,
    name,
    namespace: 'default',
    title: name.replace(/-/g, ' '),
    domain: 'domain:default/sales',
    owner: 'group:default/sales',
    productKind: 'source-aligned',
    level: 'internal',
    demo: false,
    governance: 'pass',
    governancePublic: 'pass',
    sloHealth: 'healthy',
    discover: { everyone: true, refs: ['group:default/sales'] },
    read: { everyone: true, refs: ['group:default/sales'] },
    write: { refs: ['group:default/sales'] },
    words: [name],
    ...extra,
  };
}

const secret = product('ledger', {
  domain: 'domain:default/finance',
  owner: 'group:default/finance',
  level: 'restricted',
  sloHealth: 'breached',
  discover: { everyone: false, refs: ['group:default/finance'] },
  read: { everyone: false, refs: ['group:default/finance'] },
  words: ['ledger', 'journal.iban'],
});
const confidential = product('customers', {
  level: 'confidential',
  sloHealth: 'breached',
  // A policy over its quality results blocks it; who may not read it does not see that one.
  governance: 'block',
  governancePublic: 'pass',
  read: { everyone: false, refs: ['group:default/sales'] },
  words: ['customers', 'customers.email'],
});

describe.each(databases.eachSupportedId())('ProductIndex on %p', databaseId => {
  let knex: Knex;
  let index: ProductIndex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({
      directory: path.resolve(__dirname, '../../migrations'),
    });
    index = new ProductIndex(knex);
    await index.sync([
      ...Array.from({ length: 30 }, (_, i) =>
        product(`orders-${String(i).padStart(2, '0')}`, {
          sloHealth: i % 3 === 0 ? 'error' : 'healthy',
        }),
      ),
      secret,
      confidential,
    ]);
  });

  const everything = { discover: true, read: true } as const;

  it('pages, filters by text and counts what matches', async () => {
    const first = await index.list({
      access: everything,
      offset: 0,
      limit: 10,
    });
    expect(first.total).toBe(32);
    expect(first.entityRefs).toHaveLength(10);
    expect(first.entityRefs[0]).toBe('component:default/customers');
    const found = await index.list({
      access: everything,
      filters: { text: 'JOURNAL.iban' },
      offset: 0,
      limit: 10,
    });
    expect(found).toEqual({ entityRefs: [secret.entityRef], total: 1 });
    const finance = await index.list({
      access: everything,
      filters: { domain: 'Domain:default/finance' },
      offset: 0,
      limit: 10,
    });
    expect(finance.entityRefs).toEqual([secret.entityRef]);
  });

  it('leaves out what the caller may not discover, from the list and the facets', async () => {
    const access = {
      discover: audience('discover', [
        'user:default/pat',
        'group:default/product',
      ]),
      read: audience('read', ['user:default/pat', 'group:default/product']),
    };
    const page = await index.list({ access, offset: 0, limit: 100 });
    expect(page.total).toBe(31);
    expect(page.entityRefs).not.toContain(secret.entityRef);
    expect((await index.facets(access)).domains).toEqual([
      'domain:default/sales',
    ]);
    const owner = {
      discover: audience('discover', ['group:default/finance']),
      read: audience('read', ['group:default/finance']),
    };
    expect(
      (await index.list({ access: owner, offset: 0, limit: 100 })).total,
    ).toBe(32);
    expect(
      await index.list({
        access: { discover: false, read: false },
        offset: 0,
        limit: 100,
      }),
    ).toEqual({ entityRefs: [], total: 0 });
  });

  it('leaves out demonstrations when asked, and counts all, mine and demos', async () => {
    const demo = product('broken-demo', { demo: true });
    await index.write([demo]);
    try {
      const everyone = { discover: true, read: true } as const;
      const listed = await index.list({
        access: everyone,
        offset: 0,
        limit: 500,
      });
      const withoutDemos = await index.list({
        access: everyone,
        filters: { demos: false },
        offset: 0,
        limit: 500,
      });
      expect(listed.total - withoutDemos.total).toBe(1);
      expect(withoutDemos.entityRefs).not.toContain(demo.entityRef);
      const counts = await index.counts(everyone, ['Group:Default/Finance']);
      expect(counts).toEqual({
        all: withoutDemos.total,
        mine: 1,
        demos: 1,
      });
      expect((await index.counts(everyone, [])).mine).toBe(0);
    } finally {
      await index.remove([demo.entityRef]);
    }
  });

  it('answers facets and counts again at once after this replica writes or removes a product', async () => {
    const everyone = { discover: true, read: true } as const;
    const before = await index.counts(everyone, ['group:default/support']);
    expect((await index.facets(everyone)).owners).not.toContain(
      'group:default/support',
    );
    const added = product('tickets', { owner: 'group:default/support' });
    await index.write([added]);
    try {
      expect(await index.counts(everyone, ['group:default/support'])).toEqual({
        ...before,
        all: before.all + 1,
        mine: 1,
      });
      expect((await index.facets(everyone)).owners).toContain(
        'group:default/support',
      );
    } finally {
      await index.remove([added.entityRef]);
    }
    expect(await index.counts(everyone, ['group:default/support'])).toEqual(
      before,
    );
  });

  it('filters by the governance verdict each caller sees', async () => {
    const pat = {
      discover: audience('discover', ['group:default/product']),
      read: audience('read', ['group:default/product']),
    };
    const sales = {
      discover: audience('discover', ['group:default/sales']),
      read: audience('read', ['group:default/sales']),
    };
    const blocked = (access: typeof pat) =>
      index.list({
        access,
        filters: { governance: 'block' },
        offset: 0,
        limit: 100,
      });
    expect((await blocked(pat)).entityRefs).toEqual([]);
    expect((await blocked(sales)).entityRefs).toEqual([confidential.entityRef]);
    const blockedFirst = await index.list({
      access: sales,
      sort: 'governance',
      offset: 0,
      limit: 1,
    });
    expect(blockedFirst.entityRefs).toEqual([confidential.entityRef]);
  });

  it('filters and sorts by health only where the caller may read it', async () => {
    const pat = {
      discover: audience('discover', ['group:default/product']),
      read: audience('read', ['group:default/product']),
    };
    const breached = await index.list({
      access: pat,
      filters: { health: 'breached' },
      offset: 0,
      limit: 100,
    });
    // customers is breached, but pat may not read it: for pat it is restricted.
    expect(breached.total).toBe(0);
    const restricted = await index.list({
      access: pat,
      filters: { health: 'restricted' },
      offset: 0,
      limit: 100,
    });
    expect(restricted.entityRefs).toEqual([confidential.entityRef]);
    const worstFirst = await index.list({
      access: pat,
      sort: 'sloHealth',
      offset: 0,
      limit: 3,
    });
    expect(worstFirst.entityRefs[0]).toMatch(/orders-/);
    const sales = {
      discover: audience('discover', ['group:default/sales']),
      read: audience('read', ['group:default/sales']),
    };
    const forOwner = await index.list({
      access: sales,
      sort: 'sloHealth',
      offset: 0,
      limit: 1,
    });
    expect(forOwner.entityRefs).toEqual([confidential.entityRef]);
  });

  it('writes only what changed and forgets products that left', async () => {
    const before = await knex('dm_products')
      .where({ entity_ref: secret.entityRef })
      .first('row_hash');
    await index.sync([secret, { ...confidential, sloHealth: 'healthy' }]);
    expect(await knex('dm_products').count({ n: '*' })).toEqual([
      { n: databaseId.startsWith('POSTGRES') ? '2' : 2 },
    ]);
    const after = await knex('dm_products')
      .where({ entity_ref: secret.entityRef })
      .first('row_hash');
    expect(after.row_hash).toBe(before.row_hash);
    await index.setMeasured(confidential.entityRef, {
      sloHealth: 'breached',
      freshAt: 1000,
      governance: 'warn',
      governancePublic: 'pass',
    });
    const row = await knex('dm_products')
      .where({ entity_ref: confidential.entityRef })
      .first();
    expect(row.slo_health).toBe('breached');
    expect(Number(row.fresh_at)).toBe(1000);
    expect([row.governance, row.governance_public]).toEqual(['warn', 'pass']);
  });
});
