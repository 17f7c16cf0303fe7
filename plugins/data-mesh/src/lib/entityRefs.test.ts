import { shortRef } from './entityRefs';

describe('shortRef', () => {
  it('drops the kind, and the namespace when it is the default one', () => {
    expect(shortRef('group:default/sales-analytics')).toBe('sales-analytics');
    expect(shortRef('domain:finance/ledger')).toBe('finance/ledger');
  });
  it('keeps text that is not a ref', () => {
    expect(shortRef('not a ref:')).toBe('not a ref:');
    expect(shortRef(undefined)).toBe('');
  });
});
