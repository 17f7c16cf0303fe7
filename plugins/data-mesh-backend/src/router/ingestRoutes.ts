import type Router from 'express-promise-router';
import type express from 'express';
import type { Response } from 'express';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type ContractIssue,
  PROCESSED_ANNOTATIONS,
  dataMeshLineageCreatePermission,
  dataMeshResultsCreatePermission,
  formatIssue,
  outputPortProblem,
  readOpenLineageEvent,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  OpenLineageIngestResponse,
  PushResultsResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { readPushedResults } from '../results/readPushedResults';
import { matchPushedChecks } from '../results/matchChecks';
import { recordOpenLineageQuality } from '../results/openLineageQuality';
import { NotAllowedError } from '@backstage/errors';
import {
  pushCredentials,
  requirePermission,
  requireProductPermission,
} from './access';
import type { RouterContext } from './context';
import { jsonBody } from './jsonBody';

/** 400 with every problem, each with its JSON pointer. */
export function badRequest(
  res: Response,
  what: string,
  issues: ContractIssue[],
) {
  const shown = issues.slice(0, 20).map(formatIssue);
  res.status(400).json({
    error: {
      name: 'InputError',
      message: `${what}: ${shown.join('; ')}${
        issues.length > shown.length
          ? ` (and ${issues.length - shown.length} more)`
          : ''
      }`,
    },
    issues,
  });
}

export function ingestRoutes(
  router: ReturnType<typeof Router>,
  ctx: RouterContext,
) {
  /** Authenticates before the body is read: an anonymous request costs no parsing. */
  const authenticated: express.RequestHandler = (req, res, next) => {
    pushCredentials(ctx, req).then(credentials => {
      res.locals.credentials = credentials;
      next();
    }, next);
  };

  router.post('/results', authenticated, jsonBody(ctx), async (req, res) => {
    const credentials: BackstageCredentials = res.locals.credentials;
    const { run, issues } = readPushedResults(req.body, {
      retentionMs: ctx.observations.retentionMs,
    });
    if (!run) return badRequest(res, 'The results were not stored', issues);
    const products = await ctx.products.listProducts();
    let product;
    if (run.entityRef) {
      let ref: string | undefined;
      try {
        ref = productRef(run.entityRef);
      } catch {
        ref = undefined;
      }
      product = products.find(p => p.entityRef === ref);
      if (!product) {
        return badRequest(res, 'The results were not stored', [
          {
            severity: 'error',
            path: '/entityRef',
            rule: 'results',
            message: `no data product ${run.entityRef} in the catalog: push for a Component of type data-product.`,
          },
        ]);
      }
    } else {
      // The product the catalog recorded as serving the id: a product that took an id
      // another product already serves was refused it by the processor.
      const serving = products.filter(
        p =>
          p.contract?.id === run.dataContractId &&
          !!p.entity.metadata.annotations?.[PROCESSED_ANNOTATIONS.contractId],
      );
      if (serving.length > 1) {
        return badRequest(res, 'The results were not stored', [
          {
            severity: 'error',
            path: '/dataContractId',
            rule: 'results',
            message: `${serving.length} data products have a contract with id "${run.dataContractId}": push with the product's entityRef instead.`,
          },
        ]);
      }
      product = serving[0];
      if (!product) {
        return badRequest(res, 'The results were not stored', [
          {
            severity: 'error',
            path: '/dataContractId',
            rule: 'results',
            message: `no data product in the catalog has a contract with id "${run.dataContractId}".`,
          },
        ]);
      }
    }
    await requireProductPermission(
      ctx,
      credentials,
      dataMeshResultsCreatePermission,
      product,
    );
    const refusal = ctx.pushSubjects.refusal(credentials, product);
    if (refusal) throw new NotAllowedError(refusal);
    const portProblem =
      run.outputPort !== undefined
        ? outputPortProblem(product.contract, run.outputPort)
        : undefined;
    if (portProblem) {
      return badRequest(res, 'The results were not stored', [
        {
          severity: 'error',
          path: '/outputPort',
          rule: 'results',
          message: portProblem,
        },
      ]);
    }
    const matched = matchPushedChecks(product.slos, run.checks, {
      knownCheckIds: await ctx.observations.pushedCheckIds(product.entityRef),
    });
    if (matched.issues.length > 0) {
      return badRequest(res, 'The results were not stored', matched.issues);
    }
    const observations = matched.observations;
    const recorded = await ctx.recorder.record(product, {
      runId: run.runId,
      entityRef: product.entityRef,
      source: run.format === 'datacontract' ? 'datacontract' : 'push',
      // the port the results are of is the server they were checked on
      server: run.outputPort ?? run.server,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      observations,
    });
    const body: PushResultsResponse = {
      runId: run.runId,
      entityRef: product.entityRef,
      accepted: recorded.stored,
      duplicate: recorded.duplicate,
    };
    return res.status(200).json(body);
  });

  router.post(
    '/openlineage/api/v1/lineage',
    authenticated,
    async (_req, res, next) => {
      await requirePermission(
        ctx,
        res.locals.credentials,
        dataMeshLineageCreatePermission,
      );
      next();
    },
    jsonBody(ctx),
    async (req, res) => {
      const { event, issues } = readOpenLineageEvent(req.body, {
        maxDatasets: ctx.limits.openLineageDatasets,
        maxEdges: ctx.limits.openLineageEdges,
      });
      if (!event)
        return badRequest(res, 'The OpenLineage event was not stored', issues);
      const { eventId, duplicate } = await ctx.lineageEvents.recordEvent(
        req.body,
        event,
      );
      if (!duplicate) ctx.lineage.invalidate();
      const products = await ctx.products.listProducts();
      const told = ctx.lineage
        .matcherFor(products)
        .eventProducts(req.body, event);
      const body: OpenLineageIngestResponse = {
        eventId,
        edges: duplicate ? 0 : event.edges.length,
        matchedProducts: told.products,
      };
      const quality = await recordOpenLineageQuality(
        ctx,
        res.locals.credentials,
        told.quality,
        { eventId, eventTime: event.eventTime, products },
      );
      if (Object.keys(quality).length > 0) body.qualityResults = quality;
      return res.status(201).json(body);
    },
  );
}
