import { isProductName, productNameAdvice, productNameOf } from './names';

describe('productNameOf', () => {
  it('makes a catalog name of a title', () => {
    expect(productNameOf('UX Checkout Events')).toBe('ux-checkout-events');
    expect(productNameOf('  Ventes — Café & Crème 2025 ')).toBe(
      'ventes-cafe-creme-2025',
    );
    expect(productNameOf('!!!')).toBe('');
  });

  it('cuts a long title at a word, within 63 characters', () => {
    const name = productNameOf(`${'orders '.repeat(12)}of the web shop`);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.endsWith('-')).toBe(false);
    expect(isProductName(name)).toBe(true);
  });
});

describe('isProductName', () => {
  it('accepts lower-case words joined by single hyphens', () => {
    expect(isProductName('web-orders')).toBe(true);
    expect(isProductName('UX Checkout Events')).toBe(false);
    expect(isProductName('web--orders')).toBe(false);
    expect(isProductName('-orders')).toBe(false);
    expect(isProductName('a'.repeat(64))).toBe(false);
  });
});

describe('productNameAdvice', () => {
  it('suggests the name from the title and says nothing of a good name', () => {
    expect(productNameAdvice('orders', 'UX Checkout Events')).toEqual({
      suggestion: 'ux-checkout-events',
    });
    expect(productNameAdvice('orders')).toEqual({ suggestion: '' });
  });

  it('says what a name may be made of, with the suggestion as an example', () => {
    expect(productNameAdvice('UX orders', 'UX Checkout Events')).toEqual({
      suggestion: 'ux-checkout-events',
      problem:
        'Use lower-case letters and digits, words joined by single hyphens, e.g. ux-checkout-events.',
    });
    expect(productNameAdvice('Web Orders')).toEqual({
      suggestion: '',
      problem:
        'Use lower-case letters and digits, words joined by single hyphens.',
    });
    expect(productNameAdvice('a'.repeat(64), 'A').problem).toBe(
      'Use lower-case letters and digits, words joined by single hyphens, e.g. a.',
    );
  });
});
