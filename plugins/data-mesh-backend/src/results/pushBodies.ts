/**
 * The two bodies `POST /results` takes, declared as schemas: the portal's own format and the
 * test run `datacontract test --publish <url>` sends (datacontract-cli's `Run`); and what each
 * way of breaking them means, in a sentence with its JSON pointer.
 */
import { z } from 'zod';
import type { ContractIssue } from '@backstage-data-mesh/plugin-data-mesh-common';
import { MAX_KEY_LENGTH } from './pushBounds';

/** The most observations (or checks) one push may carry. */
export const MAX_OBSERVATIONS = 10_000;
const MAX_RUN_ID = 200;

/** An ISO 8601 date-time with its timezone: pushed times are never guessed. */
const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const time = z
  .string()
  .regex(ISO_WITH_ZONE)
  .refine(v => !Number.isNaN(Date.parse(v)))
  .nullish();
const key = z.string().min(1).max(MAX_KEY_LENGTH);
const runId = z.string().refine(v => v.trim() !== '' && v.length <= MAX_RUN_ID);
const server = z.string().max(MAX_KEY_LENGTH).nullish();

/** The portal's own format: `{ runId, entityRef, observations: [...] }`. */
export const ownRunSchema = z.object({
  runId,
  entityRef: z
    .string()
    .refine(v => v.trim() !== '')
    .refine(v => v.trim().length <= MAX_KEY_LENGTH),
  server,
  startedAt: time,
  finishedAt: time,
  observations: z
    .array(
      z.object({
        sloId: key,
        status: z.enum(['pass', 'fail', 'error']),
        value: z.number().finite().optional(),
        message: z.string().optional(),
        observedAt: time,
      }),
    )
    .min(1)
    .max(MAX_OBSERVATIONS),
});

/** datacontract-cli's test run. Checks carry more keys; those not read are ignored. */
export const datacontractRunSchema = z.object({
  runId: runId.optional(),
  id: runId.optional(),
  dataContractId: z.string().min(1),
  server,
  timestampStart: time,
  timestampEnd: time,
  checks: z.array(z.looseObject({ type: z.string() })).max(MAX_OBSERVATIONS),
});

/** Whether a body is datacontract-cli's run rather than the portal's own format. */
export function isDatacontractRun(body: Record<string, unknown>): boolean {
  return Array.isArray(body.checks) || body.dataContractId !== undefined;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

const lengthOf = (value: unknown) =>
  typeof value === 'string' || Array.isArray(value) ? value.length : 0;

/** The sentence for a problem at `path` of a pushed body. */
function sentence(body: unknown, path: (string | number)[]): string {
  const found = valueAt(body, path);
  const [field, index, item] = path;
  const pointer = path.join('/');
  switch (field) {
    case 'runId':
    case 'id':
      return `${field} must be a non-empty string of at most ${MAX_RUN_ID} characters; it makes the push idempotent.`;
    case 'entityRef':
      return typeof found === 'string' && found.trim() !== ''
        ? `entityRef must be an entity ref of at most ${MAX_KEY_LENGTH} characters, e.g. "component:default/orders" (found ${found.length}).`
        : 'entityRef must name the data product, e.g. "component:default/orders".';
    case 'dataContractId':
      return 'dataContractId must be the id of the tested contract (datacontract-cli sets it from the contract).';
    case 'server':
      return `server must be the name of a contract server, at most ${MAX_KEY_LENGTH} characters.`;
    case 'checks':
      if (index === undefined)
        return Array.isArray(found)
          ? `at most ${MAX_OBSERVATIONS} checks per run (found ${found.length}).`
          : 'checks must be an array of the checks the run executed.';
      return `check ${index} must be an object with its "type".`;
    case 'observations':
      break;
    default:
      return `${pointer} must be an ISO 8601 date-time with a timezone, e.g. 2025-06-01T12:00:00Z (found ${JSON.stringify(
        found,
      )}).`;
  }
  if (index === undefined)
    return Array.isArray(found) && found.length > MAX_OBSERVATIONS
      ? `at most ${MAX_OBSERVATIONS} observations per push (found ${found.length}): split the run.`
      : 'observations must be a non-empty array of {sloId, status, value?, observedAt?, message?}.';
  const observation = `observation ${index}`;
  switch (item) {
    case undefined:
      return `${observation} must be an object.`;
    case 'sloId':
      return lengthOf(found) > MAX_KEY_LENGTH
        ? `${observation}: sloId must be at most ${MAX_KEY_LENGTH} characters (found ${lengthOf(
            found,
          )}); use an id from GET …/slo.`
        : `${observation} needs its sloId (see GET …/slo for the ids).`;
    case 'status':
      return `${observation}: status must be "pass", "fail" or "error" (found ${JSON.stringify(
        found ?? null,
      )}).`;
    case 'value':
      return `${observation}: value must be a finite number.`;
    case 'message':
      return `${observation}: message must be text.`;
    default:
      return `${pointer} must be an ISO 8601 date-time with a timezone, e.g. 2025-06-01T12:00:00Z (found ${JSON.stringify(
        found,
      )}).`;
  }
}

/** A problem of a pushed body at a JSON pointer. */
export function pushProblem(path: string, message: string): ContractIssue {
  return { severity: 'error', path, message, rule: 'results' };
}

/**
 * Checks a pushed body against its schema: one issue per place that is wrong, each with its
 * JSON pointer and a sentence saying what to send.
 */
export function bodyProblems(
  schema: z.ZodType,
  body: unknown,
): ContractIssue[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const issues: ContractIssue[] = [];
  for (const issue of result.error.issues) {
    let path = issue.path.filter(
      (s): s is string | number => typeof s !== 'symbol',
    );
    // a datacontract-cli check is one thing to fix: its type
    if (path[0] === 'checks' && path.length > 2) path = path.slice(0, 2);
    const pointer = path.length ? `/${path.join('/')}` : '';
    if (issues.some(i => i.path === pointer)) continue;
    issues.push(pushProblem(pointer, sentence(body, path)));
  }
  return issues;
}
