import { entityInFile } from './entityFile';

describe('entityInFile', () => {
  it('gives the entity of a catalog-info.yaml, from its first document', () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
spec:
  type: data-product
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: sales
`;
    expect(entityInFile(text, { fileName: 'catalog-info.yaml' })).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orders' },
      spec: { type: 'data-product' },
    });
  });

  it('reads JSON too', () => {
    expect(
      entityInFile('{"apiVersion":"backstage.io/v1beta1","kind":"Resource"}'),
    ).toEqual({ apiVersion: 'backstage.io/v1beta1', kind: 'Resource' });
  });

  it('gives nothing for a contract, a product, a non-entity value or a file that does not parse', () => {
    expect(
      entityInFile('apiVersion: v3.1.0\nkind: DataContract\nid: urn:c\n'),
    ).toBeUndefined();
    expect(
      entityInFile('apiVersion: v1.0.0\nkind: DataProduct\n'),
    ).toBeUndefined();
    expect(entityInFile('kind: Component\n')).toBeUndefined();
    expect(entityInFile('- backstage.io/v1alpha1\n')).toBeUndefined();
    expect(
      entityInFile('apiVersion: [backstage.io/v1alpha1\n'),
    ).toBeUndefined();
    expect(entityInFile('')).toBeUndefined();
  });
});
