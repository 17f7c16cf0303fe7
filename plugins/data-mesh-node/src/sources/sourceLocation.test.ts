import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  describeSourceLocation,
  resolveSourceLocation,
  scmResolveUrl,
  stringifySourceLocation,
} from './sourceLocation';

const resolveUrl = ({ url, base }: { url: string; base: string }) =>
  new URL(url, base).toString();
const catalogFile = {
  type: 'file',
  target: '/repo/products/sales/catalog-info.yaml',
};
const resolve = (reference: string, base: any = catalogFile) =>
  resolveSourceLocation(reference, base, resolveUrl, 'data-mesh/contract');

describe('resolveSourceLocation', () => {
  it('resolves a relative path beside or below the catalog file, rooted at its directory', () => {
    expect(resolve('./contracts/orders.odcs.yaml')).toEqual({
      type: 'file',
      target: '/repo/products/sales/contracts/orders.odcs.yaml',
      root: '/repo/products/sales',
    });
  });

  it.each([
    '../other/orders.yaml',
    '../../../etc/passwd',
    '/etc/passwd',
    'contracts/../../x.yaml',
    '.',
  ])(
    'refuses %s, which leaves the directory of the catalog file',
    reference => {
      expect(() => resolve(reference)).toThrow(
        'points outside the directory of catalog-info.yaml',
      );
    },
  );

  it('refuses file:// URLs and empty references', () => {
    expect(() => resolve('file:///etc/passwd')).toThrow(
      'data-mesh/contract "file:///etc/passwd" is a file:// URL',
    );
    expect(() => resolve('FILE:///etc/passwd')).toThrow('is a file:// URL');
    expect(() => resolve('  ')).toThrow('data-mesh/contract is empty');
  });

  it('keeps absolute URLs, and resolves relative ones against a URL base', () => {
    expect(resolve('https://example.com/c.yaml')).toEqual({
      type: 'url',
      target: 'https://example.com/c.yaml',
    });
    expect(
      resolve('./c.yaml', {
        type: 'url',
        target: 'https://git.example.com/mesh/sales/catalog-info.yaml',
      }),
    ).toEqual({
      type: 'url',
      target: 'https://git.example.com/mesh/sales/c.yaml',
    });
  });

  it('keeps the root of the catalog file for files an ODPS file names, and its own directory as the limit', () => {
    const odps = resolve('./odps/product.odps.yaml');
    expect(resolve('./contracts/orders.yaml', odps)).toEqual({
      type: 'file',
      target: '/repo/products/sales/odps/contracts/orders.yaml',
      root: '/repo/products/sales',
    });
    expect(() => resolve('../orders.yaml', odps)).toThrow(
      'points outside the directory of product.odps.yaml',
    );
  });

  it('refuses relative references of entities from locations without files', () => {
    expect(() =>
      resolve('./c.yaml', { type: 'github-discovery', target: 'x' }),
    ).toThrow('comes from a "github-discovery" location');
  });

  it('resolves through the SCM integrations', () => {
    const scm = scmResolveUrl(new ConfigReader({}));
    expect(
      resolveSourceLocation(
        './c.yaml',
        {
          type: 'url',
          target:
            'https://github.com/acme/mesh/blob/main/sales/catalog-info.yaml',
        },
        scm,
        'data-mesh/contract',
      ).target,
    ).toBe('https://github.com/acme/mesh/tree/main/sales/c.yaml'); // the integration's rule, not new URL()
  });
});

describe('naming a source', () => {
  it('names a file relative to the catalog file, without the host path', () => {
    const location = resolve('./contracts/orders.odcs.yaml');
    expect(describeSourceLocation(location)).toBe(
      './contracts/orders.odcs.yaml',
    );
    expect(stringifySourceLocation(location)).toBe(
      `file:${path.resolve('/repo/products/sales/contracts/orders.odcs.yaml')}`,
    );
    expect(describeSourceLocation(resolve('https://x.example/c.yaml'))).toBe(
      'https://x.example/c.yaml',
    );
  });
});
