import { describeProduct } from '../governance/productFacts';
import { productDomain } from './productDomain';

const entity = (
  annotations: Record<string, string> = {},
  spec: Record<string, unknown> = {},
) => ({
  metadata: { name: 'orders', annotations },
  spec: { type: 'data-product', ...spec },
});

describe('productDomain', () => {
  it('takes the domain of the product’s System first', () => {
    expect(
      productDomain({
        entity: entity({ 'data-mesh/domain': 'marketing' }, { domain: 'x' }),
        systemDomain: 'domain:default/Sales',
        contract: { domain: 'product' },
      }),
    ).toEqual({ ref: 'domain:default/sales', name: 'sales', from: 'system' });
  });

  it('falls back on the annotation, then spec.domain, then the contract', () => {
    expect(
      productDomain({
        entity: entity({ 'data-mesh/domain': 'Marketing' }, { domain: 'x' }),
        contract: { domain: 'product' },
      }),
    ).toMatchObject({ name: 'marketing', from: 'annotation' });
    expect(
      productDomain({
        entity: entity({ 'datamesh/domain': 'marketing' }),
      }),
    ).toMatchObject({ name: 'marketing', from: 'annotation' });
    expect(
      productDomain({
        entity: entity({}, { domain: 'finance' }),
        contract: { domain: 'product' },
      }),
    ).toMatchObject({ name: 'finance', from: 'spec' });
    expect(
      productDomain({ entity: entity(), contract: { domain: 'product' } }),
    ).toEqual({
      ref: 'domain:default/product',
      name: 'product',
      from: 'contract',
    });
    expect(productDomain({ entity: entity() })).toBeUndefined();
  });

  it('reads a bare name in the product’s namespace', () => {
    expect(
      productDomain({
        entity: { metadata: { namespace: 'emea' }, spec: { domain: 'sales' } },
      })?.ref,
    ).toBe('domain:emea/sales');
  });

  // Governance picks domain policy sets by the domain the explorer and the partOf relation
  // show: a product of the sales System whose contract says `marketing` is listed under sales
  // and checked by the sales policies.
  it('gives governance the domain the explorer and relations show', () => {
    const product = entity();
    const contract = { domain: 'marketing' };
    const systemDomain = 'domain:default/sales';
    expect(
      productDomain({ entity: product, systemDomain, contract })?.name,
    ).toBe('sales');
    expect(describeProduct(product, contract, systemDomain).domain).toBe(
      'sales',
    );
    // without a System (a CLI run on one file), the written domain decides, in lower case
    expect(describeProduct(product, { domain: 'Marketing' }).domain).toBe(
      'marketing',
    );
  });
});
