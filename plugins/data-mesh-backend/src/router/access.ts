/**
 * Who may do what: credentials from the request (a Backstage token in `Authorization`, or
 * in `x-api-key` as datacontract-cli sends it) and the permission checks.
 */
import { productRef } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { Request } from 'express';
import type { DataProduct } from '../products/DataProduct';
import type { ProductSight } from '../access/ProductAccessGate';
import type { RouterContext } from './context';

/**
 * The caller's credentials for push routes, which are open to tokens in `x-api-key` too:
 * a service token, a static external-access token, or a user token. None → 401. Runs before
 * the body is read, so an unauthenticated request costs no parsing.
 */
export async function pushCredentials(
  ctx: RouterContext,
  req: Request,
): Promise<BackstageCredentials> {
  if (req.headers.authorization) {
    return ctx.httpAuth.credentials(req, { allow: ['service', 'user'] });
  }
  const apiKey = req.header('x-api-key');
  if (apiKey) {
    try {
      return await ctx.auth.authenticate(apiKey);
    } catch (error) {
      throw new AuthenticationError(
        `the x-api-key is not a valid Backstage token: ${
          (error as Error).message
        }`,
      );
    }
  }
  throw new AuthenticationError(
    'a Backstage token is required: send "Authorization: Bearer <token>" (a service or static external-access token) or "x-api-key: <token>"',
  );
}

/** Throws 403 unless the basic permission is allowed. */
export async function requirePermission(
  ctx: RouterContext,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  const [decision] = await ctx.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`the permission ${permission.name} is required`);
  }
}

/** Throws 403 unless a resource permission is allowed on the product. */
export async function requireProductPermission(
  ctx: RouterContext,
  credentials: BackstageCredentials,
  permission: ResourcePermission,
  product: DataProduct,
): Promise<void> {
  if (!(await ctx.gate.allows(credentials, permission, product))) {
    throw new NotAllowedError(
      `the permission ${permission.name} is required on ${product.entityRef}`,
    );
  }
}

/** The 403 of a product one may discover but not read: who to ask. */
export function readDenied(product: DataProduct): NotAllowedError {
  const owners = product.access.owners.join(', ') || 'its owners';
  return new NotAllowedError(
    `${product.entityRef} is ${product.classification}: its data is shown to its readers only. Ask ${owners} for read access.`,
  );
}

/**
 * The product by entity ref, if the caller may discover it (else 404, as for a product
 * that does not exist, so existence is not revealed); with `read`, 403 unless the caller
 * may read its data too.
 */
export async function productByRef(
  ctx: RouterContext,
  credentials: BackstageCredentials,
  entityRef: string,
  need: 'discover' | 'read',
): Promise<{ product: DataProduct; sight: ProductSight }> {
  let ref: string;
  try {
    ref = productRef(entityRef);
  } catch {
    throw new NotFoundError(`no data product ${entityRef}`);
  }
  const product = await ctx.products.getProduct(ref);
  const sight = product
    ? await ctx.gate.sightOf(credentials, product)
    : { discover: false, read: false };
  if (!product || !sight.discover) {
    throw new NotFoundError(`no data product ${ref}`);
  }
  if (need === 'read' && !sight.read) throw readDenied(product);
  return { product, sight };
}

/** {@link productByRef} for the route's `:namespace/:name`, with the caller's credentials. */
export async function productFor(
  ctx: RouterContext,
  req: Request,
  need: 'discover' | 'read',
): Promise<{
  product: DataProduct;
  credentials: BackstageCredentials;
  sight: ProductSight;
}> {
  const credentials = await ctx.httpAuth.credentials(req);
  const found = await productByRef(
    ctx,
    credentials,
    `component:${req.params.namespace}/${req.params.name}`,
    need,
  );
  return { ...found, credentials };
}
