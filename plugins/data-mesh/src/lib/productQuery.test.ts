import { summary } from '../__testUtils__/fixtures';
import { freshnessState } from './productQuery';

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
