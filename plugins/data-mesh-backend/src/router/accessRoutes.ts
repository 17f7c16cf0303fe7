import type Router from 'express-promise-router';
import type { Request } from 'express';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ACCESS_GRANT_STATES,
  ACCESS_REQUEST_STATES,
  AccessRequest,
  dataMeshAccessDecidePermission,
  holdingGrants,
  principalRef,
  readAccessDecision,
  readDataProductSpec,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  AccessAuditResponse,
  AccessGrantsResponse,
  AccessRequestsResponse,
  ProductAccessResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { grantView, requestView } from '../database/AccessStore';
import type { StoredRequest } from '../database/AccessStore';
import type { DataProduct } from '../products/DataProduct';
import { productByRef, productFor, requireProductPermission } from './access';
import type { RouterContext } from './context';
import { jsonBody } from './jsonBody';
import { badRequest } from './ingestRoutes';

/** The caller as an access requester: their user ref and ownership claims. */
async function caller(
  ctx: RouterContext,
  credentials: BackstageCredentials,
): Promise<{ user: string; claims: string[] } | undefined> {
  if (!ctx.auth.isPrincipal(credentials, 'user')) return undefined;
  const info = await ctx.userInfo.getUserInfo(credentials);
  const user = principalRef(info.userEntityRef) ?? info.userEntityRef;
  return {
    user,
    claims: info.ownershipEntityRefs
      .map(c => principalRef(c))
      .filter((c): c is string => !!c),
  };
}

function stateParam(value: unknown, states: readonly string[]) {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !states.includes(value))
    throw new InputError(
      `state must be one of ${states.join(', ')} (found ${JSON.stringify(
        value,
      )})`,
    );
  return value;
}

function outputPorts(product: DataProduct): string[] {
  return (readDataProductSpec(product.entity).spec.outputPorts ?? [])
    .map(p => p.name)
    .filter(Boolean);
}

/**
 * Access requests and grants: consumers ask, owners (`data-mesh.access.decide`) decide and
 * revoke, and everyone sees their own. A product the caller may not discover answers 404,
 * as on every other route.
 */
export function accessRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  const decides = (credentials: BackstageCredentials, product: DataProduct) =>
    ctx.gate.allows(credentials, dataMeshAccessDecidePermission, product);

  router.post('/access-requests', jsonBody(ctx), async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const me = await caller(ctx, credentials);
    if (!me)
      throw new NotAllowedError(
        'only a signed-in user asks for access; a service has its own permissions',
      );
    const { request, issues } = AccessRequest.read(req.body, {
      now: Date.now(),
      settings: ctx.access.settings,
      user: me.user,
      claims: me.claims,
    });
    if (!request) {
      badRequest(res, 'The request was not stored', issues);
      return;
    }
    const { product, sight } = await productByRef(
      ctx,
      credentials,
      request.entityRef,
      'discover',
    );
    const portProblem = request.portProblem(product);
    if (portProblem) {
      badRequest(res, 'The request was not stored', [portProblem]);
      return;
    }
    if (sight.read && request.principal === me.user) {
      throw new ConflictError(
        `you may read ${product.entityRef} already; there is nothing to ask for`,
      );
    }
    const pending = await ctx.accessStore.pendingRequest(
      product.entityRef,
      request.principal,
      request.outputPort,
    );
    if (pending)
      throw new ConflictError(
        `a request of ${request.principal} for ${
          product.entityRef
        } waits for its owners already (${pending.id}, asked ${new Date(
          pending.createdAt,
        ).toISOString()})`,
      );
    const created = await ctx.access.request(request, me, product);
    res
      .status(201)
      .json({ request: requestView(created.request, created.grant) });
  });

  router.get('/access-requests', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const state = stateParam(req.query.state, ACCESS_REQUEST_STATES);
    const entity = req.query.entity;
    const me = await caller(ctx, credentials);
    let items: StoredRequest[];
    if (typeof entity === 'string' && entity) {
      const { product } = await productByRef(
        ctx,
        credentials,
        entity,
        'discover',
      );
      const all = await decides(credentials, product);
      if (!all && !me) throw new NotAllowedError('only users have requests');
      items = await ctx.accessStore.requests({
        entityRefs: [product.entityRef],
        state,
        principals: all ? undefined : [me!.user, ...me!.claims],
      });
    } else {
      if (!me)
        throw new InputError(
          'entity is required for a service: the product whose requests to list',
        );
      items = await ctx.accessStore.requests({
        state,
        principals: [me.user, ...me.claims],
      });
    }
    const grants = await ctx.accessStore.grantsOfRequests(items.map(r => r.id));
    const products = await Promise.all(
      [...new Set(items.map(r => r.entityRef))].map(ref =>
        ctx.products.getProduct(ref),
      ),
    );
    const found = products.filter((p): p is DataProduct => !!p);
    const sights = await ctx.gate.sight(credentials, found);
    const titles = new Map(
      found
        .filter(p => sights.get(p.entityRef)?.discover)
        .map(p => [p.entityRef, p.title ?? p.name]),
    );
    const body: AccessRequestsResponse = {
      items: items.map(r => {
        const view = requestView(r, grants.get(r.id));
        const title = titles.get(r.entityRef);
        return title ? { ...view, title } : view;
      }),
    };
    res.json(body);
  });

  /** Loads a request and its product for someone who may decide it. */
  async function decidable(req: Request) {
    const credentials = await ctx.httpAuth.credentials(req);
    const request = await ctx.accessStore.request(req.params.id);
    if (!request) throw new NotFoundError(`no access request ${req.params.id}`);
    const { product } = await productByRef(
      ctx,
      credentials,
      request.entityRef,
      'discover',
    );
    return { credentials, request, product };
  }

  router.post(
    '/access-requests/:id/decision',
    jsonBody(ctx),
    async (req, res) => {
      const { credentials, request, product } = await decidable(req);
      await requireProductPermission(
        ctx,
        credentials,
        dataMeshAccessDecidePermission,
        product,
      );
      const { decision, issues } = readAccessDecision(req.body, {
        now: Date.now(),
        settings: ctx.access.settings,
      });
      if (!decision) {
        badRequest(res, 'Nothing was decided', issues);
        return;
      }
      const by = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      const decided = await ctx.access.decide(
        request,
        decision,
        by.userEntityRef ?? by.subject ?? 'service',
        product,
      );
      if (!decided)
        throw new ConflictError(
          `the request ${request.id} is ${
            (await ctx.accessStore.request(request.id))?.state ?? 'gone'
          }, not pending: it was decided already`,
        );
      res.json({ request: requestView(decided.request, decided.grant) });
    },
  );

  router.post('/access-requests/:id/withdraw', async (req, res) => {
    const { credentials, request } = await decidable(req);
    const me = await caller(ctx, credentials);
    if (!me || me.user !== request.requester)
      throw new NotAllowedError('only the requester withdraws a request');
    const withdrawn = await ctx.accessStore.withdraw(request.id, {
      by: me.user,
      now: Date.now(),
    });
    if (!withdrawn)
      throw new ConflictError(`the request ${request.id} is not pending`);
    res.json({ request: requestView(withdrawn) });
  });

  router.get('/grants', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const state = stateParam(req.query.state, ACCESS_GRANT_STATES);
    const entity = req.query.entity;
    const me = await caller(ctx, credentials);
    let body: AccessGrantsResponse;
    if (typeof entity === 'string' && entity) {
      const { product } = await productByRef(
        ctx,
        credentials,
        entity,
        'discover',
      );
      const all = await decides(credentials, product);
      if (!all && !me) throw new NotAllowedError('only users hold grants');
      body = {
        items: (
          await ctx.accessStore.grants({
            entityRefs: [product.entityRef],
            state,
            principals: all ? undefined : [me!.user, ...me!.claims],
          })
        ).map(grantView),
      };
    } else {
      if (!me)
        throw new InputError(
          'entity is required for a service: the product whose grants to list',
        );
      body = {
        items: (
          await ctx.accessStore.grants({
            state,
            principals: [me.user, ...me.claims],
          })
        ).map(grantView),
      };
    }
    res.json(body);
  });

  router.delete('/grants/:id', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const grant = await ctx.accessStore.grant(req.params.id);
    if (!grant) throw new NotFoundError(`no grant ${req.params.id}`);
    const { product } = await productByRef(
      ctx,
      credentials,
      grant.entityRef,
      'discover',
    );
    await requireProductPermission(
      ctx,
      credentials,
      dataMeshAccessDecidePermission,
      product,
    );
    const by = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    const note =
      typeof req.query.note === 'string'
        ? req.query.note.slice(0, 2000)
        : undefined;
    const ended = await ctx.access.revoke(
      grant,
      by.userEntityRef ?? by.subject ?? 'service',
      product,
      note,
    );
    if (!ended)
      throw new ConflictError(
        `the grant ${grant.id} is ${
          (await ctx.accessStore.grant(grant.id))?.state
        }, no longer active`,
      );
    res.json({ grant: grantView(ended) });
  });

  router.get('/access-audit', async (req, res) => {
    const credentials = await ctx.httpAuth.credentials(req);
    const entity = req.query.entity;
    if (typeof entity !== 'string' || !entity)
      throw new InputError(
        'entity is required: the product whose audit trail to show, e.g. component:default/sales-orders',
      );
    const { product } = await productByRef(
      ctx,
      credentials,
      entity,
      'discover',
    );
    await requireProductPermission(
      ctx,
      credentials,
      dataMeshAccessDecidePermission,
      product,
    );
    const body: AccessAuditResponse = {
      items: await ctx.accessStore.auditTrail(product.entityRef),
    };
    res.json(body);
  });

  /** What the caller may do about one product's access. */
  router.get('/products/:namespace/:name/access', async (req, res) => {
    const { product, sight, credentials } = await productFor(
      ctx,
      req,
      'discover',
    );
    const me = await caller(ctx, credentials);
    const body: ProductAccessResponse = {
      entityRef: product.entityRef,
      read: sight.read,
      decide: await decides(credentials, product),
      outputPorts: outputPorts(product),
      maxDays: ctx.access.settings.maxDays,
    };
    if (me) {
      const principals = [me.user, ...me.claims];
      const now = Date.now();
      const grant = holdingGrants(
        await ctx.accessStore.grants({
          entityRefs: [product.entityRef],
          state: 'active',
          principals,
        }),
        now,
      )[0];
      if (grant) body.grant = grantView(grant);
      const pending = (
        await ctx.accessStore.requests({
          entityRefs: [product.entityRef],
          state: 'pending',
          principals,
        })
      )[0];
      if (pending) body.pending = requestView(pending);
    }
    res.json(body);
  });
}
