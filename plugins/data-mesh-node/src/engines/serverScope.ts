/**
 * Which products a configured server (`dataMesh.servers.<name>`) serves: its `products` and
 * `owners` lists, read and applied by one rule wherever a server is used (the backend's SLO
 * evaluation, the platforms that apply access grants).
 */
import type { Config } from '@backstage/config';
import {
  principalRef,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * Which products a server serves; every product when neither list is given.
 *
 * @public
 */
export interface ServerScope {
  /** Entity refs (lower case) of the products served by this server. */
  products?: string[];
  /** Entity refs (lower case) of the owners whose products this server serves. */
  owners?: string[];
}

function refList(
  server: Config,
  key: 'products' | 'owners',
  name: string,
): string[] | undefined {
  const list = server.getOptionalStringArray(key);
  if (!list) return undefined;
  const defaultKind = key === 'products' ? 'component' : 'group';
  return list.map((ref, i) => {
    try {
      return productRef(ref, { defaultKind });
    } catch {
      throw new Error(
        `dataMesh.servers.${name}.${key}[${i}]: "${ref}" is not an entity ref; write kind:namespace/name (e.g. ${
          key === 'products'
            ? 'component:default/orders'
            : 'group:default/analytics'
        }) or a ${defaultKind}'s name`,
      );
    }
  });
}

/**
 * Reads a server's `products` and `owners`; an entry that is not an entity ref throws an
 * error naming the key.
 *
 * @public
 */
export function readServerScope(server: Config, name: string): ServerScope {
  const scope: ServerScope = {};
  const products = refList(server, 'products', name);
  const owners = refList(server, 'owners', name);
  if (products) scope.products = products;
  if (owners) scope.owners = owners;
  return scope;
}

/**
 * Whether a server's `products` and `owners` admit the product (neither list: every product).
 *
 * @public
 */
export function serverServesProduct(
  scope: ServerScope,
  product: { entityRef: string; owner?: string },
): boolean {
  if (!scope.products && !scope.owners) return true;
  // both sides written by the one rule of references (data-mesh-common's productRef)
  const owner = principalRef(product.owner);
  return (
    !!scope.products?.includes(productRef(product.entityRef)) ||
    (owner !== undefined && !!scope.owners?.includes(owner))
  );
}
