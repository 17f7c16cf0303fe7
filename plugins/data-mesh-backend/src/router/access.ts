/**
 * Who may do what: credentials from the request (a Backstage token in `Authorization`, or
 * in `x-api-key` as datacontract-cli sends it) and the permission checks.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import { dataMeshRestrictedReadPermission } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Request } from 'express';
import type { DataProduct } from '../products/DataProduct';
import { normalizeRef } from '../products/CatalogProductSource';
import type { RouterContext } from './context';

/**
 * The caller's credentials for push routes, which are open to tokens in `x-api-key` too:
 * a service token, a static external-access token, or a user token. None → 401.
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

/**
 * The product by `:namespace/:name`; 404 when there is none. For restricted products the
 * caller needs `data-mesh.product.restricted.read` on the product's entity when `data`
 * is asked for (contract, measured values).
 */
export async function productFor(
  ctx: RouterContext,
  req: Request,
  options: { data: boolean },
): Promise<{ product: DataProduct; credentials: BackstageCredentials }> {
  const credentials = await ctx.httpAuth.credentials(req);
  const ref = normalizeRef(
    `component:${req.params.namespace}/${req.params.name}`,
  );
  const product = await ctx.products.getProduct(ref);
  if (!product) throw new NotFoundError(`no data product ${ref}`);
  if (options.data && product.restricted) {
    const [decision] = await ctx.permissions.authorize(
      [
        {
          permission: dataMeshRestrictedReadPermission,
          resourceRef: product.entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${product.entityRef} is ${product.classification}: reading its contract and data needs the permission ${dataMeshRestrictedReadPermission.name}`,
      );
    }
  }
  return { product, credentials };
}
