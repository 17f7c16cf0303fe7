import { summary } from '../__testUtils__/fixtures';
import {
  filterChoices,
  filterProducts,
  freshnessState,
  indexProducts,
  sortProducts,
} from './productQuery';

const orders = summary();
const leads = summary({
  entityRef: 'component:default/lead-attribution',
  name: 'lead-attribution',
  title: 'Lead attribution',
  description: 'Which campaign brought each lead.',
  domain: 'domain:default/marketing',
  owner: 'group:default/marketing-analytics',
  classification: 'internal',
  sloHealth: 'breached',
  governance: 'warn',
  fieldNames: ['leads.campaign_id', 'leads.lead_id'],
  tags: ['marketing'],
  freshness: { lastUpdatedAt: '2025-01-02T00:00:00Z', maxAgeSeconds: 3600 },
});
const ledger = summary({
  entityRef: 'component:default/general-ledger',
  name: 'general-ledger',
  title: undefined,
  description: undefined,
  domain: undefined,
  owner: 'group:default/finance-analytics',
  classification: undefined,
  sloHealth: 'unknown',
  governance: 'block',
  fieldNames: [],
  tags: [],
  freshness: { lastUpdatedAt: '2025-01-01T00:00:00Z' },
});
const all = [orders, leads, ledger];
const indexed = indexProducts(all);

describe('filterProducts', () => {
  it("shows a team's own products in the My team view, whatever the case of the refs", () => {
    expect(
      filterProducts(indexed, {
        owners: ['user:default/fin', 'Group:default/Finance-Analytics'],
      }),
    ).toEqual([ledger]);
    expect(filterProducts(indexed, { owners: [] })).toEqual([]);
  });

  it('leaves demonstration products out unless asked for', () => {
    const demo = summary({
      entityRef: 'component:default/broken-contract-demo',
      name: 'broken-contract-demo',
      tags: ['demo'],
    });
    const withDemo = indexProducts([...all, demo]);
    expect(filterProducts(withDemo, {})).toEqual(all);
    expect(filterProducts(withDemo, { includeDemos: true })).toEqual([
      ...all,
      demo,
    ]);
  });

  it('searches names, titles, descriptions, tags and field names, every word, any case', () => {
    expect(filterProducts(indexed, { text: 'CAMPAIGN_ID' })).toEqual([leads]);
    expect(filterProducts(indexed, { text: 'web shop' })).toEqual([orders]);
    expect(filterProducts(indexed, { text: 'ledger' })).toEqual([ledger]);
    expect(filterProducts(indexed, { text: 'marketing lead_id' })).toEqual([
      leads,
    ]);
    expect(filterProducts(indexed, { text: 'marketing order_id' })).toEqual([]);
  });

  it('filters by domain, owner, classification and health, all at once', () => {
    expect(
      filterProducts(indexed, { domain: 'domain:default/marketing' }),
    ).toEqual([leads]);
    expect(
      filterProducts(indexed, { owner: 'group:default/finance-analytics' }),
    ).toEqual([ledger]);
    expect(filterProducts(indexed, { classification: 'confidential' })).toEqual(
      [orders],
    );
    expect(filterProducts(indexed, { health: 'breached' })).toEqual([leads]);
    expect(
      filterProducts(indexed, {
        health: 'breached',
        domain: 'domain:default/sales',
      }),
    ).toEqual([]);
    expect(filterProducts(indexed, {})).toEqual(all);
  });
});

describe('sortProducts', () => {
  it('sorts by name (title first), both ways', () => {
    expect(sortProducts(all, 'name', 'asc').map(p => p.name)).toEqual([
      'general-ledger',
      'lead-attribution',
      'sales-orders',
    ]);
    expect(sortProducts(all, 'name', 'desc').map(p => p.name)).toEqual([
      'sales-orders',
      'lead-attribution',
      'general-ledger',
    ]);
  });

  it('puts the worst health and governance first when ascending', () => {
    expect(sortProducts(all, 'sloHealth', 'asc').map(p => p.sloHealth)).toEqual(
      ['breached', 'unknown', 'healthy'],
    );
    expect(
      sortProducts(all, 'governance', 'asc').map(p => p.governance),
    ).toEqual(['block', 'warn', 'pass']);
  });

  it('sorts products without a value last, whatever the direction', () => {
    expect(sortProducts(all, 'domain', 'asc').map(p => p.name)).toEqual([
      'lead-attribution',
      'sales-orders',
      'general-ledger',
    ]);
    expect(sortProducts(all, 'domain', 'desc').map(p => p.name)).toEqual([
      'sales-orders',
      'lead-attribution',
      'general-ledger',
    ]);
    expect(sortProducts(all, 'freshness', 'desc').map(p => p.name)).toEqual([
      'lead-attribution',
      'general-ledger',
      'sales-orders',
    ]);
  });
});

describe('filterChoices', () => {
  it('lists each distinct value once, sorted, without blanks', () => {
    expect(filterChoices(all)).toEqual({
      domains: ['domain:default/marketing', 'domain:default/sales'],
      owners: [
        'group:default/finance-analytics',
        'group:default/marketing-analytics',
        'group:default/sales-analytics',
      ],
      classifications: ['confidential', 'internal'],
    });
  });
});

describe('freshnessState', () => {
  const at = Date.parse('2025-01-02T00:00:00Z');
  it('compares the age of the data with the objective', () => {
    expect(freshnessState(leads, at + 3600_000)).toBe('fresh');
    expect(freshnessState(leads, at + 3601_000)).toBe('stale');
  });
  it('is unknown without a last update or an objective', () => {
    expect(freshnessState(ledger, at)).toBe('unknown');
    expect(freshnessState(orders, at)).toBe('unknown');
  });
});
