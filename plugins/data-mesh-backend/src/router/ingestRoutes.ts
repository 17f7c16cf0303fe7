import type Router from 'express-promise-router';
import type { Response } from 'express';
import {
  type ContractIssue,
  type OpenLineageIngestResponse,
  type PushResultsResponse,
  dataMeshLineageCreatePermission,
  dataMeshResultsCreatePermission,
  formatIssue,
  readOpenLineageEvent,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { readPushedResults } from '../results/readPushedResults';
import { matchChecks } from '../results/matchChecks';
import { normalizeRef } from '../products/CatalogProductSource';
import { pushCredentials, requirePermission } from './access';
import type { RouterContext } from './context';

/** 400 with every problem, each with its JSON pointer. */
function badRequest(res: Response, what: string, issues: ContractIssue[]) {
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
  router.post('/results', async (req, res) => {
    const credentials = await pushCredentials(ctx, req);
    await requirePermission(ctx, credentials, dataMeshResultsCreatePermission);
    const { run, issues } = readPushedResults(req.body);
    if (!run) return badRequest(res, 'The results were not stored', issues);
    const products = await ctx.products.listProducts();
    let product;
    if (run.entityRef) {
      let ref: string | undefined;
      try {
        ref = normalizeRef(run.entityRef);
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
      product = products.find(p => p.contract?.id === run.dataContractId);
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
    const observations = matchChecks(product.slos, run.checks);
    const recorded = await ctx.recorder.record(product, {
      runId: run.runId,
      entityRef: product.entityRef,
      source: run.format === 'datacontract' ? 'datacontract' : 'push',
      server: run.server,
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

  router.post('/openlineage/api/v1/lineage', async (req, res) => {
    const credentials = await pushCredentials(ctx, req);
    await requirePermission(ctx, credentials, dataMeshLineageCreatePermission);
    const { event, issues } = readOpenLineageEvent(req.body);
    if (!event)
      return badRequest(res, 'The OpenLineage event was not stored', issues);
    const { eventId, duplicate } = await ctx.lineageEvents.recordEvent(
      req.body,
      event,
    );
    if (!duplicate) ctx.lineage.invalidate();
    const matcher = ctx.lineage.matcherFor(await ctx.products.listProducts());
    const matched = new Set<string>();
    for (const dataset of event.datasets) {
      const ref = matcher.match(dataset);
      if (ref) matched.add(ref);
    }
    const body: OpenLineageIngestResponse = {
      eventId,
      edges: duplicate ? 0 : event.edges.length,
      matchedProducts: [...matched].sort(),
    };
    return res.status(201).json(body);
  });
}
