import vm from 'node:vm';
import { plainData } from './plainData';

describe('plainData', () => {
  it('rebuilds objects and lists of another realm with this realm’s constructors', () => {
    const foreign = vm.runInNewContext(
      '({ name: "orders", schema: [{ name: "o", properties: [{ name: "id" }] }] })',
    );
    expect(foreign.constructor).not.toBe(Object);
    const copy = plainData(foreign) as any;
    expect(copy.constructor).toBe(Object);
    expect(copy.schema.constructor).toBe(Array);
    expect(copy.schema[0].properties[0].constructor).toBe(Object);
    expect(copy).toEqual({
      name: 'orders',
      schema: [{ name: 'o', properties: [{ name: 'id' }] }],
    });
  });

  it('follows JSON for dates, class instances, undefined and functions', () => {
    class Owner {
      constructor(public name: string) {}
      describe() {
        return this.name;
      }
    }
    const copy = plainData({
      released: new Date('2026-01-02T03:04:05Z'),
      owner: new Owner('sales'),
      missing: undefined,
      run: () => 1,
      list: [undefined, () => 1, 'a'],
    });
    expect(copy).toEqual({
      released: '2026-01-02T03:04:05.000Z',
      owner: { name: 'sales' },
      list: [null, null, 'a'],
    });
    expect(Object.keys(copy as object)).toEqual(['released', 'owner', 'list']);
  });

  it('keeps scalars as they are, bigints and non-finite numbers included', () => {
    expect(plainData({ a: 1n, b: Number.NaN, c: true, d: null })).toEqual({
      a: 1n,
      b: Number.NaN,
      c: true,
      d: null,
    });
  });

  it('turns a Map into an object and a Set into a list, from any realm', () => {
    const foreignMap = vm.runInNewContext('new Map([["a", 1], [2, "b"]])');
    expect(plainData(foreignMap)).toEqual({ a: 1, '2': 'b' });
    expect(plainData(new Set(['x', 'y']))).toEqual(['x', 'y']);
  });

  it('copies a shared object once and cuts a cycle with null', () => {
    const shared = { unit: 'd' };
    const copy = plainData({ a: shared, b: shared }) as any;
    expect(copy.a).toBe(copy.b);
    expect(copy.a).not.toBe(shared);

    const cyclic: any = { name: 'loop' };
    cyclic.self = cyclic;
    cyclic.list = [cyclic];
    expect(plainData(cyclic)).toEqual({
      name: 'loop',
      self: null,
      list: [null],
    });
  });

  it('keeps a key named __proto__ as data, not as the prototype', () => {
    const copy = plainData(
      JSON.parse('{"__proto__": {"polluted": true}}'),
    ) as any;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__']);
  });
});
