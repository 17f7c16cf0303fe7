import { isProductName, productNameOf } from './names';

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
