/**
 * Reading `POST /results` bodies: the portal's own format ({@link PushResultsRequest}) and
 * the test run `datacontract test --publish <url>` sends (datacontract-cli's `Run`: `runId`
 * or `id`, `dataContractId`, `server`, `timestampStart`/`timestampEnd`, `checks[]` with
 * `type`, `model`, `field`, `qualityId`, `result`, `reason`, `diagnostics`).
 */
import type { ContractIssue } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ObservationInput } from '../database/ObservationStore';
import {
  DEFAULT_RETENTION_DAYS,
  MAX_KEY_LENGTH,
  type PushTimeBounds,
  outOfBounds,
} from './pushBounds';

const MAX_OBSERVATIONS = 10_000;
const MAX_MESSAGE = 2000;
const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

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
  format: 'data-mesh' | 'datacontract';
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

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (path: string, message: string): ContractIssue => ({
  severity: 'error',
  path,
  message,
  rule: 'results',
});

/** How to read a push. */
export interface ReadPushOptions {
  /** When the push arrived (ms since the epoch); now by default. */
  now?: number;
  /** How far back a pushed time may be (ms); 400 days by default (see `readHistoryRetention`). */
  retentionMs?: number;
}

function time(
  value: unknown,
  path: string,
  issues: ContractIssue[],
  bounds: PushTimeBounds,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value !== 'string' ||
    !ISO_WITH_ZONE.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    issues.push(
      problem(
        path,
        `${
          path.slice(1) || 'time'
        } must be an ISO 8601 date-time with a timezone, e.g. 2025-06-01T12:00:00Z (found ${JSON.stringify(
          value,
        )}).`,
      ),
    );
    return undefined;
  }
  const at = Date.parse(value);
  const refused = outOfBounds(at, bounds);
  if (refused) {
    issues.push(problem(path, `${path.slice(1)} ${value} ${refused}.`));
    return undefined;
  }
  return at;
}

/** A text that goes into a column of {@link MAX_KEY_LENGTH} characters. */
function fits(value: string): boolean {
  return value.length <= MAX_KEY_LENGTH;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

/**
 * Reads a pushed body; returns the run or the problems, each with its JSON pointer. Times
 * must lie between `now - retentionMs` and five minutes after `now`; ids must fit the
 * database (255 characters).
 */
export function readPushedResults(
  body: unknown,
  options: ReadPushOptions = {},
): { run?: PushedRun; issues: ContractIssue[] } {
  const bounds: PushTimeBounds = {
    now: options.now ?? Date.now(),
    retentionMs: options.retentionMs ?? DEFAULT_RETENTION_DAYS * 86_400_000,
  };
  if (!isRecord(body))
    return {
      issues: [
        problem(
          '',
          'The body must be a JSON object: {"runId", "entityRef", "observations": [...]} or a datacontract-cli test run.',
        ),
      ],
    };
  const datacontract =
    Array.isArray(body.checks) || body.dataContractId !== undefined;
  return datacontract
    ? readDatacontractRun(body, bounds)
    : readOwnRun(body, bounds);
}

function readRunId(
  value: unknown,
  path: string,
  issues: ContractIssue[],
): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 200) {
    issues.push(
      problem(
        path,
        `${path.slice(
          1,
        )} must be a non-empty string of at most 200 characters; it makes the push idempotent.`,
      ),
    );
    return '';
  }
  return value.trim();
}

function readServer(value: unknown, issues: ContractIssue[]) {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !fits(value))
    issues.push(
      problem(
        '/server',
        `server must be the name of a contract server, at most ${MAX_KEY_LENGTH} characters.`,
      ),
    );
}

function readOwnRun(
  body: Json,
  bounds: PushTimeBounds,
): { run?: PushedRun; issues: ContractIssue[] } {
  const issues: ContractIssue[] = [];
  const runId = readRunId(body.runId, '/runId', issues);
  if (typeof body.entityRef !== 'string' || !body.entityRef.trim()) {
    issues.push(
      problem(
        '/entityRef',
        'entityRef must name the data product, e.g. "component:default/sales-orders".',
      ),
    );
  } else if (!fits(body.entityRef.trim())) {
    issues.push(
      problem(
        '/entityRef',
        `entityRef must be an entity ref of at most ${MAX_KEY_LENGTH} characters, e.g. "component:default/sales-orders" (found ${body.entityRef.length}).`,
      ),
    );
  }
  readServer(body.server, issues);
  const startedAt = time(body.startedAt, '/startedAt', issues, bounds);
  const finishedAt =
    time(body.finishedAt, '/finishedAt', issues, bounds) ?? bounds.now;
  const checks: PushedCheck[] = [];
  if (!Array.isArray(body.observations) || body.observations.length === 0) {
    issues.push(
      problem(
        '/observations',
        'observations must be a non-empty array of {sloId, status, value?, observedAt?, message?}.',
      ),
    );
  } else if (body.observations.length > MAX_OBSERVATIONS) {
    issues.push(
      problem(
        '/observations',
        `at most ${MAX_OBSERVATIONS} observations per push (found ${body.observations.length}): split the run.`,
      ),
    );
  } else {
    body.observations.forEach((item, i) => {
      const at = `/observations/${i}`;
      if (!isRecord(item)) {
        issues.push(problem(at, `observation ${i} must be an object.`));
        return;
      }
      if (typeof item.sloId !== 'string' || !item.sloId)
        issues.push(
          problem(
            `${at}/sloId`,
            `observation ${i} needs its sloId (see GET …/slo for the ids).`,
          ),
        );
      else if (!fits(item.sloId))
        issues.push(
          problem(
            `${at}/sloId`,
            `observation ${i}: sloId must be at most ${MAX_KEY_LENGTH} characters (found ${item.sloId.length}); use an id from GET …/slo.`,
          ),
        );
      if (
        item.status !== 'pass' &&
        item.status !== 'fail' &&
        item.status !== 'error'
      ) {
        issues.push(
          problem(
            `${at}/status`,
            `observation ${i}: status must be "pass", "fail" or "error" (found ${JSON.stringify(
              item.status ?? null,
            )}).`,
          ),
        );
      }
      if (item.value !== undefined && finite(item.value) === undefined)
        issues.push(
          problem(
            `${at}/value`,
            `observation ${i}: value must be a finite number.`,
          ),
        );
      if (item.message !== undefined && typeof item.message !== 'string')
        issues.push(
          problem(`${at}/message`, `observation ${i}: message must be text.`),
        );
      const observedAt =
        time(item.observedAt, `${at}/observedAt`, issues, bounds) ?? finishedAt;
      checks.push({
        path: at,
        sloId: String(item.sloId),
        status: item.status as PushedCheck['status'],
        value: finite(item.value),
        message:
          typeof item.message === 'string'
            ? item.message.slice(0, MAX_MESSAGE)
            : undefined,
        observedAt,
      });
    });
  }
  if (issues.length) return { issues };
  return {
    run: {
      format: 'data-mesh',
      runId,
      entityRef: String(body.entityRef).trim(),
      server: typeof body.server === 'string' ? body.server : undefined,
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

function readDatacontractRun(
  body: Json,
  bounds: PushTimeBounds,
): { run?: PushedRun; issues: ContractIssue[] } {
  const issues: ContractIssue[] = [];
  const runId = readRunId(
    body.runId ?? body.id,
    body.runId !== undefined ? '/runId' : '/id',
    issues,
  );
  if (typeof body.dataContractId !== 'string' || !body.dataContractId) {
    issues.push(
      problem(
        '/dataContractId',
        'dataContractId must be the id of the tested contract (datacontract-cli sets it from the contract).',
      ),
    );
  }
  const startedAt = time(
    body.timestampStart,
    '/timestampStart',
    issues,
    bounds,
  );
  const finishedAt =
    time(body.timestampEnd, '/timestampEnd', issues, bounds) ?? bounds.now;
  readServer(body.server, issues);
  const checks: PushedCheck[] = [];
  let ignored = 0;
  if (!Array.isArray(body.checks)) {
    issues.push(
      problem(
        '/checks',
        'checks must be an array of the checks the run executed.',
      ),
    );
  } else if (body.checks.length > MAX_OBSERVATIONS) {
    issues.push(
      problem(
        '/checks',
        `at most ${MAX_OBSERVATIONS} checks per run (found ${body.checks.length}).`,
      ),
    );
  } else {
    body.checks.forEach((item, i) => {
      if (!isRecord(item) || typeof item.type !== 'string') {
        issues.push(
          problem(
            `/checks/${i}`,
            `check ${i} must be an object with its "type".`,
          ),
        );
        return;
      }
      const status =
        typeof item.result === 'string' ? RESULTS[item.result] : undefined;
      if (!status) {
        ignored += 1;
        return;
      }
      const diagnostics = isRecord(item.diagnostics) ? item.diagnostics : {};
      const reason = typeof item.reason === 'string' ? item.reason : undefined;
      const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
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
          model: str(item.model),
          field: str(item.field),
          qualityId:
            str(item.qualityId) ??
            str(item.quality_id) ??
            str(item.qualityReference),
          key: str(item.key),
          name: str(item.name),
        },
      });
    });
  }
  if (issues.length) return { issues };
  return {
    run: {
      format: 'datacontract',
      runId,
      dataContractId: body.dataContractId as string,
      server: typeof body.server === 'string' ? body.server : undefined,
      startedAt,
      finishedAt,
      checks,
      ignored,
    },
    issues,
  };
}
