import {
  readDataProductSpec,
  upstreamProductRef,
} from '../entity/dataProductSpec';
import { impactOf, lineageFromEntities } from '../impact/impactOf';
import { principalRef } from '../access/productAccess';
import { parseProductRef, productRef } from './productRef';

describe('productRef', () => {
  it('reads a bare name as a component in the default namespace', () => {
    expect(productRef('orders')).toBe('component:default/orders');
    expect(parseProductRef('orders')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'orders',
    });
  });

  it('reads a bare name in the namespace and kind of its context', () => {
    expect(productRef('orders', { defaultNamespace: 'finance' })).toBe(
      'component:finance/orders',
    );
    expect(productRef('ledger', { defaultKind: 'system' })).toBe(
      'system:default/ledger',
    );
    expect(productRef('system:other/ledger', { defaultKind: 'domain' })).toBe(
      'system:other/ledger',
    );
  });

  it('writes every reference in lower case: kind, namespace and name', () => {
    expect(productRef('Component:Finance/Orders-Daily')).toBe(
      'component:finance/orders-daily',
    );
    expect(
      productRef({
        kind: 'Component',
        metadata: { name: 'Orders-Daily', namespace: 'Finance' },
      }),
    ).toBe('component:finance/orders-daily');
    expect(productRef({ kind: 'Component', name: 'Orders' })).toBe(
      'component:default/orders',
    );
  });

  it('says how to write a reference when the text is not one', () => {
    expect(() => productRef('x/')).toThrow(
      /"x\/" is not an entity ref: write a name \(orders\) or kind:namespace\/name/,
    );
  });

  // An input port, lineage read from relations, impact and access all write the one key,
  // so a product named with capitals is the same product everywhere.
  it('gives the same key wherever a mixed-case product is named', () => {
    const upstream = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Orders', namespace: 'Sales' },
      spec: { type: 'data-product' },
    };
    const downstream = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'revenue', namespace: 'Sales' },
      spec: {
        type: 'data-product',
        dataProduct: { inputPorts: [{ name: 'in', product: 'Orders' }] },
      },
    };
    const key = 'component:sales/orders';
    expect(productRef(upstream)).toBe(key);
    const { spec } = readDataProductSpec(downstream);
    expect(upstreamProductRef(spec.inputPorts[0], downstream)).toBe(key);

    const { edges } = lineageFromEntities([
      {
        kind: downstream.kind,
        metadata: downstream.metadata,
        relations: [
          { type: 'consumesDataFrom', targetRef: 'component:Sales/Orders' },
        ],
      },
    ]);
    expect(edges).toEqual([
      { upstream: key, downstream: 'component:sales/revenue' },
    ]);
    const report = impactOf(
      {
        changes: [
          {
            path: 'orders',
            kind: 'object-removed',
            severity: 'breaking',
            message: 'gone',
            bump: 'major',
          },
        ],
        requiredBump: 'major',
        actualBump: 'none',
        versionOk: false,
        versionMessage: '',
      },
      'Component:Sales/Orders',
      edges,
    );
    expect(report.affected.map(a => a.entityRef)).toEqual([
      'component:sales/revenue',
    ]);
    expect(principalRef('Group:Sales/Analytics')).toBe('group:sales/analytics');
  });
});
