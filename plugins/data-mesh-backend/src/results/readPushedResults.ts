/**
 * Reading `POST /results` bodies: the portal's own format ({@link PushResultsRequest}) and
 * the test run `datacontract test --publish <url>` sends (datacontract-cli's `Run`: `runId`
 * or `id`, `dataContractId`, `server`, `timestampStart`/`timestampEnd`, `checks[]` with
 * `type`, `model`, `field`, `qualityId`, `result`, `reason`, `diagnostics`).
 */
import {
  type ContractIssue,
  portalSummaryChecks,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { z } from 'zod';
import type { ObservationInput } from '../database/ObservationStore';
import {
  DEFAULT_RETENTION_DAYS,
  type PushTimeBounds,
  outOfBounds,
} from './pushBounds';
import {
  bodyProblems,
  datacontractRunSchema,
  isDatacontractRun,
  ownRunSchema,
  pushProblem,
} from './pushBodies';

const MAX_MESSAGE = 2000;

/** A pushed check before it is matched to an SLO of the product. */
export interface PushedCheck extends Omit<ObservationInput, 'sloId'> {
  /** JSON pointer of the observation or check in the pushed body, e.g. `/observations/3`. */
  path?: string;
  /** The SLO id when the pusher named it (our format). */
  sloId?: string;
  /** datacontract-cli: what identifies the check. */
  check?: {
    type?: string;
    model?: string;
    field?: string;
    qualityId?: string;
    key?: string;
    name?: string;
  };
}

/** A pushed run, read and checked. */
export interface PushedRun {
  format: 'data-mesh' | 'datacontract' | 'portal-summary';
  runId: string;
  /** Our format names the product. */
  entityRef?: string;
  /** datacontract-cli names the contract. */
  dataContractId?: string;
  server?: string;
  startedAt?: number;
  finishedAt: number;
  checks: PushedCheck[];
  /** Checks that carried no outcome (skipped, info, unknown). */
  ignored: number;
}

/** How to read a push. */
export interface ReadPushOptions {
  /** When the push arrived (ms since the epoch); now by default. */
  now?: number;
  /** How far back a pushed time may be (ms); 400 days by default (see `readHistoryRetention`). */
  retentionMs?: number;
}

type Read = { run?: PushedRun; issues: ContractIssue[] };

/**
 * A pushed time within the bounds, or undefined (absent or refused); a refusal is an issue
 * that says why and what to send.
 */
function boundedTime(
  value: string | null | undefined,
  path: string,
  bounds: PushTimeBounds,
  issues: ContractIssue[],
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const at = Date.parse(value);
  const refused = outOfBounds(at, bounds);
  if (!refused) return at;
  issues.push(pushProblem(path, `${path.slice(1)} ${value} ${refused}.`));
  return undefined;
}

const text = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;
const finite = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Reads a pushed body; returns the run or the problems, each with its JSON pointer. The body
 * is checked against its declared schema (`ownRunSchema`, `datacontractRunSchema`); then its
 * times must lie between `now - retentionMs` and five minutes after `now`.
 */
export function readPushedResults(
  body: unknown,
  options: ReadPushOptions = {},
): Read {
  const bounds: PushTimeBounds = {
    now: options.now ?? Date.now(),
    retentionMs: options.retentionMs ?? DEFAULT_RETENTION_DAYS * 86_400_000,
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      issues: [
        pushProblem(
          '',
          'The body must be a JSON object: {"runId", "entityRef", "observations": [...]} or a datacontract-cli test run.',
        ),
      ],
    };
  if ('overall_status' in body) return readPortalSummary(body, bounds);
  return isDatacontractRun(body as Record<string, unknown>)
    ? readDatacontractRun(body, bounds)
    : readOwnRun(body, bounds);
}

/**
 * A Data Product Portal quality summary (`overall_status`, `dimensions`,
 * `technical_assets`, `details_url`), pushed with the product's `entityRef`: its checks
 * (see `portalSummaryChecks`) are matched like datacontract-cli's. `runId` (or `id`) makes
 * the push idempotent; without one, the summary's `created_at` does.
 */
function readPortalSummary(body: object, bounds: PushTimeBounds): Read {
  const summary = body as Record<string, unknown>;
  const issues: ContractIssue[] = [];
  const entityRef = text(summary.entityRef);
  if (!entityRef || entityRef.length > 255)
    issues.push(
      pushProblem(
        '/entityRef',
        'entityRef must name the data product the summary is for, e.g. "component:default/orders".',
      ),
    );
  const at =
    text(summary.created_at) ??
    text(summary.timestamp) ??
    text(summary.finishedAt);
  const finishedAt =
    boundedTime(at, '/created_at', bounds, issues) ?? bounds.now;
  const runId =
    text(summary.runId) ??
    text(summary.id) ??
    (at ? `portal:${at}` : undefined);
  if (!runId || runId.length > 200)
    issues.push(
      pushProblem(
        '/runId',
        'runId (or created_at) must identify the summary in at most 200 characters; it makes the push idempotent.',
      ),
    );
  const checks: PushedCheck[] = portalSummaryChecks(summary).map(c => ({
    path: c.path,
    status: c.status,
    value: c.value,
    message: c.message?.slice(0, MAX_MESSAGE),
    observedAt: finishedAt,
    check: { type: c.type, model: c.model, field: c.field, name: c.name },
  }));
  if (checks.length === 0)
    issues.push(
      pushProblem(
        '/overall_status',
        'the summary has no status the portal reads (success, warning, failure, error) in overall_status, dimensions or technical_assets.',
      ),
    );
  if (issues.length) return { issues };
  return {
    run: {
      format: 'portal-summary',
      runId: runId!,
      entityRef,
      finishedAt,
      checks,
      ignored: 0,
    },
    issues,
  };
}

function readOwnRun(body: object, bounds: PushTimeBounds): Read {
  const issues = bodyProblems(ownRunSchema, body);
  if (issues.length) return { issues };
  const run = body as z.infer<typeof ownRunSchema>;
  const startedAt = boundedTime(run.startedAt, '/startedAt', bounds, issues);
  const finishedAt =
    boundedTime(run.finishedAt, '/finishedAt', bounds, issues) ?? bounds.now;
  const checks: PushedCheck[] = run.observations.map((item, i) => ({
    path: `/observations/${i}`,
    sloId: item.sloId,
    status: item.status,
    value: item.value,
    message: item.message?.slice(0, MAX_MESSAGE),
    observedAt:
      boundedTime(
        item.observedAt,
        `/observations/${i}/observedAt`,
        bounds,
        issues,
      ) ?? finishedAt,
  }));
  if (issues.length) return { issues };
  return {
    run: {
      format: 'data-mesh',
      runId: run.runId.trim(),
      entityRef: run.entityRef.trim(),
      server: run.server ?? undefined,
      startedAt,
      finishedAt,
      checks,
      ignored: 0,
    },
    issues,
  };
}

const RESULTS: Record<string, PushedCheck['status'] | undefined> = {
  passed: 'pass',
  warning: 'pass',
  failed: 'fail',
  error: 'error',
};

function readDatacontractRun(body: object, bounds: PushTimeBounds): Read {
  const issues = bodyProblems(datacontractRunSchema, body);
  const run = body as z.infer<typeof datacontractRunSchema>;
  if (run.runId === undefined && run.id === undefined)
    issues.unshift(
      pushProblem(
        '/id',
        'id must be a non-empty string of at most 200 characters; it makes the push idempotent.',
      ),
    );
  if (issues.length) return { issues };
  const startedAt = boundedTime(
    run.timestampStart,
    '/timestampStart',
    bounds,
    issues,
  );
  const finishedAt =
    boundedTime(run.timestampEnd, '/timestampEnd', bounds, issues) ??
    bounds.now;
  if (issues.length) return { issues };
  const checks: PushedCheck[] = [];
  let ignored = 0;
  run.checks.forEach((item, i) => {
    const status =
      typeof item.result === 'string' ? RESULTS[item.result] : undefined;
    if (!status) {
      ignored += 1;
      return;
    }
    const diagnostics = (
      typeof item.diagnostics === 'object' && item.diagnostics !== null
        ? item.diagnostics
        : {}
    ) as Record<string, unknown>;
    const reason = text(item.reason);
    checks.push({
      path: `/checks/${i}`,
      status,
      value: finite(diagnostics.value) ?? finite(item.failedNumber),
      message:
        item.result === 'warning'
          ? `warning${reason ? `: ${reason}` : ''}`.slice(0, MAX_MESSAGE)
          : reason?.slice(0, MAX_MESSAGE),
      observedAt: finishedAt,
      check: {
        type: item.type,
        model: text(item.model),
        field: text(item.field),
        qualityId:
          text(item.qualityId) ??
          text(item.quality_id) ??
          text(item.qualityReference),
        key: text(item.key),
        name: text(item.name),
      },
    });
  });
  return {
    run: {
      format: 'datacontract',
      runId: (run.runId ?? run.id)!.trim(),
      dataContractId: run.dataContractId,
      server: run.server ?? undefined,
      startedAt,
      finishedAt,
      checks,
      ignored,
    },
    issues,
  };
}
