import type { Entity } from '@backstage/catalog-model';
import {
  isDataProductEntity,
  readDataProductSpec,
  upstreamProductRef,
} from './dataProductSpec';

function product(dataProduct: any, namespace?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'revenue-metrics', ...(namespace ? { namespace } : {}) },
    spec: { type: 'data-product', owner: 'group:sales-analytics', dataProduct },
  };
}

describe('isDataProductEntity', () => {
  it('is true for a Component of type data-product, whatever the case of kind and type', () => {
    expect(isDataProductEntity(product({}))).toBe(true);
    expect(isDataProductEntity({ ...product({}), kind: 'component' })).toBe(
      true,
    );
    expect(
      isDataProductEntity({ ...product({}), spec: { type: 'Data-Product' } }),
    ).toBe(true);
  });

  it('is false for other types and kinds, and for no entity', () => {
    expect(
      isDataProductEntity({ ...product({}), spec: { type: 'service' } }),
    ).toBe(false);
    expect(isDataProductEntity({ ...product({}), kind: 'API' })).toBe(false);
    expect(isDataProductEntity(undefined)).toBe(false);
  });
});

describe('readDataProductSpec', () => {
  it('reads the kind and the three shapes of input port', () => {
    const { spec, issues } = readDataProductSpec(
      product({
        kind: 'aggregate',
        inputPorts: [
          {
            name: 'orders',
            product: 'sales-orders',
            outputPort: 'orders-daily',
          },
          {
            name: 'interactions',
            contractId: 'urn:datacontract:sales:interactions',
          },
          {
            name: 'fx-rates',
            type: 'http-api',
            location: 'https://fx.example.com',
          },
        ],
      }),
    );
    expect(issues).toEqual([]);
    expect(spec.kind).toBe('aggregate');
    expect(spec.inputPorts).toEqual([
      { name: 'orders', product: 'sales-orders', outputPort: 'orders-daily' },
      {
        name: 'interactions',
        contractId: 'urn:datacontract:sales:interactions',
      },
      {
        name: 'fx-rates',
        type: 'http-api',
        location: 'https://fx.example.com',
      },
    ]);
  });

  it('gives an empty spec, without issues, to a product that declares nothing', () => {
    expect(readDataProductSpec(product(undefined))).toEqual({
      spec: { inputPorts: [] },
      issues: [],
    });
  });

  it('reports an unknown kind at its path, naming the kinds that exist', () => {
    const { spec, issues } = readDataProductSpec(product({ kind: 'mart' }));
    expect(spec.kind).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '/spec/dataProduct/kind',
        rule: 'enum',
        message: expect.stringContaining(
          'source-aligned, aggregate, consumer-aligned',
        ),
      }),
    ]);
  });

  it('reports ports without a name, with a non-string value, or named twice, and keeps the good ones', () => {
    const { spec, issues } = readDataProductSpec(
      product({
        inputPorts: [
          { product: 'sales-orders' },
          { name: 'a', product: 42 },
          { name: 'b', product: 'sales-orders' },
          { name: 'b', product: 'marketing/lead-attribution' },
          'not-a-port',
        ],
      }),
    );
    expect(issues.map(i => [i.path, i.rule])).toEqual([
      ['/spec/dataProduct/inputPorts/0/name', 'required'],
      ['/spec/dataProduct/inputPorts/1/product', 'type'],
      ['/spec/dataProduct/inputPorts/3/name', 'unique'],
      ['/spec/dataProduct/inputPorts/4', 'type'],
    ]);
    expect(spec.inputPorts.map(p => p.name)).toEqual(['a', 'b']);
  });

  it('reports a product that is not an entity ref, and an output port without its product', () => {
    const { issues } = readDataProductSpec(
      product({
        inputPorts: [
          { name: 'a', product: 'component:' },
          { name: 'b', outputPort: 'daily' },
        ],
      }),
    );
    expect(issues.map(i => [i.path, i.rule])).toEqual([
      ['/spec/dataProduct/inputPorts/0/product', 'entity-ref'],
      ['/spec/dataProduct/inputPorts/1/outputPort', 'required'],
    ]);
  });

  it('refuses a dataProduct or inputPorts of the wrong shape', () => {
    expect(readDataProductSpec(product('aggregate')).issues[0].path).toBe(
      '/spec/dataProduct',
    );
    expect(
      readDataProductSpec(product({ inputPorts: { name: 'x' } })).issues[0]
        .path,
    ).toBe('/spec/dataProduct/inputPorts');
  });
});

describe('upstreamProductRef', () => {
  it('completes a short ref with the Component kind and the entity namespace', () => {
    expect(
      upstreamProductRef(
        { name: 'p', product: 'sales-orders' },
        product({}, 'mesh'),
      ),
    ).toBe('component:mesh/sales-orders');
    expect(
      upstreamProductRef(
        { name: 'p', product: 'component:default/sales-orders' },
        product({}, 'mesh'),
      ),
    ).toBe('component:default/sales-orders');
  });

  it('is undefined for a port that names no product', () => {
    expect(upstreamProductRef({ name: 'p' }, product({}))).toBeUndefined();
  });
});
