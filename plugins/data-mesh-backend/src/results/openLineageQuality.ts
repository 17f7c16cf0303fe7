/**
 * The quality an OpenLineage event reports (its datasets' `dataQualityAssertions` and
 * `dataQualityMetrics` facets), stored as observations of the products whose datasets they
 * are: only for callers allowed to push results for that product, matched to its SLOs like
 * datacontract-cli's checks. A reported row count is judged as the volume SLO judges one.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type ReportedCheck,
  dataMeshResultsCreatePermission,
  judgeMeasurement,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct } from '../products/DataProduct';
import type { RouterContext } from '../router/context';
import { matchPushedChecks } from './matchChecks';
import type { PushedCheck } from './readPushedResults';

const VOLUME_LOOKBACK_MS = 29 * 86_400_000;

/**
 * Stores the quality results an event reported, by product (as `MeshDatasets.eventProducts`
 * reads them). Returns, per product, how many observations were stored; products the caller
 * may not push results for, and checks that do not match, are left out.
 */
export async function recordOpenLineageQuality(
  ctx: RouterContext,
  credentials: BackstageCredentials,
  quality: ReadonlyMap<string, ReportedCheck[]>,
  options: {
    eventId: string;
    eventTime: number;
    products: readonly DataProduct[];
  },
): Promise<Record<string, number>> {
  const byProduct = new Map<string, PushedCheck[]>();
  for (const [ref, reported] of quality) {
    const checks = reported.map(c => {
      const pushed: PushedCheck = {
        path: c.path,
        status: c.status,
        value: c.value,
        message: c.message,
        observedAt: options.eventTime,
      };
      if (c.sloId) pushed.sloId = c.sloId;
      else
        pushed.check = {
          type: c.type,
          model: c.model,
          field: c.field,
          name: c.name,
        };
      return pushed;
    });
    byProduct.set(ref, checks);
  }
  const stored: Record<string, number> = {};
  for (const [ref, reported] of byProduct) {
    const product = options.products.find(p => p.entityRef === ref);
    if (!product) continue;
    if (
      !(await ctx.gate.allows(
        credentials,
        dataMeshResultsCreatePermission,
        product,
      )) ||
      ctx.pushSubjects.refusal(credentials, product)
    )
      continue;
    const declared = new Set(product.slos.map(s => s.id));
    const checks: PushedCheck[] = [];
    for (const check of reported) {
      // a count or rate for a series the product does not keep is not stored
      if (check.sloId && !declared.has(check.sloId)) continue;
      const slo = product.slos.find(s => s.id === check.sloId);
      if (slo?.measure.type === 'volume' && check.value !== undefined) {
        const judged = judgeMeasurement(
          slo,
          { value: check.value },
          check.observedAt,
          await ctx.observations.series(
            ref,
            slo.id,
            check.observedAt - VOLUME_LOOKBACK_MS,
            check.observedAt - 1,
          ),
        );
        check.status = judged.status;
        check.message = judged.message;
      }
      checks.push(check);
    }
    const matched = matchPushedChecks(product.slos, checks, {
      knownCheckIds: await ctx.observations.pushedCheckIds(ref),
    });
    if (matched.issues.length > 0 || matched.observations.length === 0)
      continue;
    const recorded = await ctx.recorder.record(product, {
      runId: `openlineage:${options.eventId}`,
      entityRef: ref,
      source: 'push',
      finishedAt: options.eventTime,
      observations: matched.observations,
    });
    stored[ref] = recorded.stored;
  }
  return stored;
}
