/**
 * The routes of a product's contract versions, its consumers and the impact of a new
 * contract: list, diff, announce and acknowledge versions, behind the product's access.
 */
import type Router from 'express-promise-router';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  verdictForViewer,
  type OdcsContract,
  dataMeshAccessDecidePermission,
  dataMeshVersionCreatePermission,
  principalRef,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  ContractImpactResponse,
  ContractVersionDiffResponse,
  ContractVersionView,
  ContractVersionsResponse,
  ProductConsumersResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { productFor, requireProductPermission } from './access';
import type { RouterContext } from './context';
import { consumerVisibility, hide, hideInGate } from './consumerVisibility';
import { jsonBody } from './jsonBody';
import { badRequest } from './ingestRoutes';

/** The contract of a request body: text in any format the suite reads, or an object. */
function contractOf(body: any): {
  contract?: OdcsContract;
  issues: ReturnType<typeof readContract>['issues'];
} {
  const value = body?.contract;
  if (
    typeof value !== 'string' &&
    (typeof value !== 'object' || value === null || Array.isArray(value))
  ) {
    return {
      issues: [
        {
          severity: 'error',
          path: '/contract',
          rule: 'required',
          message:
            'contract is required: the contract text (any format the portal reads) or the contract as an object',
        },
      ],
    };
  }
  const reading = readContract(
    typeof value === 'string' ? value : JSON.stringify(value),
    { fileName: 'contract' },
  );
  const errors = reading.issues.filter(i => i.severity === 'error');
  if (!reading.contract || errors.length > 0)
    return { issues: errors.length ? errors : reading.issues };
  return { contract: reading.contract, issues: [] };
}

/**
 * Contract versions, consumers and the breaking-change gate of a product. What a caller
 * sees follows the product's access: discover to see its versions (without examples unless
 * they read it), consumers they may not discover are `hidden`.
 */
export function versionRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  router.get('/products/:namespace/:name/versions', async (req, res) => {
    const { product, sight, credentials } = await productFor(
      ctx,
      req,
      'discover',
    );
    const { items } = await ctx.versions.list(product, !sight.read);
    const refs = items.flatMap(i => i.gate?.consumers.map(c => c.ref) ?? []);
    const visible = await consumerVisibility(ctx, credentials, product, refs);
    const body: ContractVersionsResponse = {
      items: items.map(
        (i): ContractVersionView =>
          i.gate ? { ...i, gate: hideInGate(i.gate, visible) } : i,
      ),
    };
    res.json(body);
  });

  router.get('/products/:namespace/:name/versions/diff', async (req, res) => {
    const { product, sight, credentials } = await productFor(
      ctx,
      req,
      'discover',
    );
    const { from, to } = req.query;
    if (typeof from !== 'string' || typeof to !== 'string' || !from || !to)
      throw new InputError(
        'from and to are required: two versions of the contract, by id or version number (GET …/versions lists them)',
      );
    const found = await ctx.versions.diff(product, from, to, !sight.read);
    if ('missing' in found)
      throw new NotFoundError(
        `${product.entityRef} has no comparable contract version ${found.missing}`,
      );
    const refs = [found.from, found.to].flatMap(
      v => v.gate?.consumers.map(c => c.ref) ?? [],
    );
    const visible = await consumerVisibility(ctx, credentials, product, refs);
    const shown = (v: ContractVersionView) =>
      v.gate ? { ...v, gate: hideInGate(v.gate, visible) } : v;
    const body: ContractVersionDiffResponse = {
      from: shown(found.from),
      to: shown(found.to),
      diff: found.diff,
    };
    res.json(body);
  });

  router.post(
    '/products/:namespace/:name/versions',
    jsonBody(ctx),
    async (req, res) => {
      const { product, credentials } = await productFor(ctx, req, 'discover');
      await requireProductPermission(
        ctx,
        credentials,
        dataMeshVersionCreatePermission,
        product,
      );
      const { contract, issues } = contractOf(req.body);
      if (!contract) {
        badRequest(res, 'The version was not recorded', issues);
        return;
      }
      let publishedAt: number | undefined;
      if (req.body?.publishedAt !== undefined) {
        publishedAt = Date.parse(String(req.body.publishedAt));
        if (Number.isNaN(publishedAt) || publishedAt > Date.now()) {
          badRequest(res, 'The version was not recorded', [
            {
              severity: 'error',
              path: '/publishedAt',
              rule: 'format',
              message:
                'publishedAt must be a past date or time in ISO 8601; leave it out to announce a coming version',
            },
          ]);
          return;
        }
      }
      const principal = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      const { created, id } = await ctx.versions.announce(
        product,
        contract,
        principal.userEntityRef ?? principal.subject ?? 'service',
        publishedAt,
      );
      const { items } = await ctx.versions.list(product, false);
      const version = items.find(i => i.id === id)!;
      const visible = await consumerVisibility(
        ctx,
        credentials,
        product,
        version.gate?.consumers.map(c => c.ref) ?? [],
      );
      res.status(created ? 201 : 200).json(
        version.gate
          ? {
              version: {
                ...version,
                gate: hideInGate(version.gate, visible),
              },
            }
          : { version },
      );
    },
  );

  router.post(
    '/products/:namespace/:name/versions/:id/acknowledgements',
    jsonBody(ctx),
    async (req, res) => {
      const { product, credentials } = await productFor(ctx, req, 'discover');
      const version = await ctx.versions.find(product, req.params.id);
      if (!version)
        throw new NotFoundError(
          `${product.entityRef} has no contract version ${req.params.id}`,
        );
      const { consumer, decision, note, until, onBehalfOf } = req.body ?? {};
      // A service (an approval workflow outside the portal) answers for the person who did.
      let answeredFor: string | undefined;
      if (onBehalfOf !== undefined) {
        answeredFor = ctx.auth.isPrincipal(credentials, 'service')
          ? principalRef(onBehalfOf)
          : undefined;
        if (!answeredFor || !answeredFor.startsWith('user:'))
          throw new InputError(
            ctx.auth.isPrincipal(credentials, 'service')
              ? `onBehalfOf must be the user who answered, as an entity ref such as user:default/sam (found ${JSON.stringify(
                  onBehalfOf,
                )})`
              : 'onBehalfOf is for services answering for a person; a user answers as themselves, so leave it out',
          );
      }
      if (decision !== 'acknowledged' && decision !== 'more-time')
        throw new InputError(
          `decision must be "acknowledged" or "more-time" (found ${JSON.stringify(
            decision,
          )})`,
        );
      if (typeof consumer !== 'string' || !consumer)
        throw new InputError(
          'consumer is required: the consumer you answer for (its product ref, or your user or group)',
        );
      const { items } = await ctx.versions.list(product, false);
      const gate = items.find(i => i.id === version.id)?.gate;
      const hit = gate?.consumers.find(
        c =>
          c.ref.toLocaleLowerCase('en-US') ===
          consumer.toLocaleLowerCase('en-US'),
      );
      if (!hit)
        throw new InputError(
          `${consumer} is not a consumer that version ${
            version.version ?? version.id
          } of ${product.entityRef} hits; there is nothing to acknowledge`,
        );
      // Who answers for a consumer: the owners of a consuming product, the user or group of a grant.
      let allowed = false;
      if (hit.kind === 'product') {
        const consuming = await ctx.products.getProduct(hit.ref);
        allowed =
          !!consuming &&
          (await ctx.gate.allows(
            credentials,
            dataMeshAccessDecidePermission,
            consuming,
          ));
      } else if (ctx.auth.isPrincipal(credentials, 'user')) {
        const info = await ctx.userInfo.getUserInfo(credentials);
        allowed = info.ownershipEntityRefs
          .map(c => principalRef(c))
          .includes(principalRef(hit.ref));
      }
      if (!allowed)
        throw new NotAllowedError(
          `only the owners of ${hit.ref} answer for it`,
        );
      let untilIso: string | undefined;
      if (decision === 'more-time') {
        const time = Date.parse(String(until ?? ''));
        if (Number.isNaN(time) || time <= Date.now())
          throw new InputError(
            'until is required when asking for more time: a future date in ISO 8601',
          );
        untilIso = new Date(time).toISOString();
      }
      const principal = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      await ctx.versions.acknowledge(product, version, {
        consumer: hit.ref,
        decision,
        by:
          answeredFor ??
          principal.userEntityRef ??
          principal.subject ??
          'service',
        at: new Date().toISOString(),
        ...(typeof note === 'string' && note.trim()
          ? { note: note.trim().slice(0, 2000) }
          : {}),
        ...(untilIso ? { until: untilIso } : {}),
      });
      const after = (await ctx.versions.list(product, false)).items.find(
        i => i.id === version.id,
      );
      res.status(201).json({ gate: after?.gate });
    },
  );

  router.get('/products/:namespace/:name/consumers', async (req, res) => {
    const { product, credentials } = await productFor(ctx, req, 'discover');
    const consumers = await ctx.consumers.of(product);
    const visible = await consumerVisibility(
      ctx,
      credentials,
      product,
      consumers.map(c => c.ref),
    );
    const body: ProductConsumersResponse = { items: hide(consumers, visible) };
    res.json(body);
  });

  router.post(
    '/products/:namespace/:name/impact',
    jsonBody(ctx),
    async (req, res) => {
      const { product, credentials } = await productFor(ctx, req, 'discover');
      const { contract, issues } = contractOf(req.body);
      if (!contract) {
        badRequest(res, 'Nothing was compared', issues);
        return;
      }
      const impact = await ctx.versions.impact(product, contract);
      const visible = await consumerVisibility(
        ctx,
        credentials,
        product,
        impact.gate.consumers.map(c => c.ref),
      );
      // The governance verdict the version would get, its breaking-change gate included.
      const verdict = ctx.verdicts.versionVerdict(
        product,
        contract,
        impact.gate,
        await ctx.observations.states(product.entityRef),
      );
      const body: ContractImpactResponse = {
        ...impact,
        gate: hideInGate(impact.gate, visible),
      };
      if (verdict) {
        const sight = (await ctx.gate.sight(credentials, [product])).get(
          product.entityRef,
        );
        body.verdict = verdictForViewer(verdict, { read: !!sight?.read });
      }
      if (impact.version?.gate)
        body.version = {
          ...impact.version,
          gate: hideInGate(impact.version.gate, visible),
        };
      res.json(body);
    },
  );
}
