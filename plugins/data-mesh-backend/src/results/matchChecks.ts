/**
 * Which SLO of the product a pushed check measures. The portal's format names the SLO;
 * a datacontract-cli check is matched by its quality rule id, else by its type on the
 * model and field, else it becomes an SLO of its own (`datacontract:<type>:<model>.<field>`).
 * Only the SLOs the contract declares and such `datacontract:` checks are accepted, and a
 * product has at most {@link MAX_UNDECLARED_CHECKS} of the latter.
 */
import type {
  ContractIssue,
  SloDefinition,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  type ObservationInput,
  PUSHED_CHECK_PREFIX,
} from '../database/ObservationStore';
import type { PushedCheck } from './readPushedResults';
import { MAX_KEY_LENGTH, MAX_UNDECLARED_CHECKS } from './pushBounds';

const TYPE_TO_SLO: Record<
  string,
  (model?: string, field?: string) => string[]
> = {
  field_required: (m, f) => [
    `quality:${m}.${f}:nullValues`,
    `quality:${m}.${f}:missingValues`,
  ],
  field_not_null: (m, f) => [`quality:${m}.${f}:nullValues`],
  field_unique: (m, f) => [`quality:${m}.${f}:duplicateValues`],
  field_enum: (m, f) => [`quality:${m}.${f}:invalidValues`],
  field_regex: (m, f) => [`quality:${m}.${f}:invalidValues`],
  row_count: m => [`quality:${m}:rowCount`],
  model_row_count: m => [`quality:${m}:rowCount`],
  freshness: () => ['sla:freshness', 'sla:latency'],
  model_freshness: () => ['sla:freshness', 'sla:latency'],
  retention: () => ['sla:retention'],
};

/** The observations of a pushed run, each under the id of the SLO it measures. */
export function matchChecks(
  slos: SloDefinition[],
  checks: PushedCheck[],
): ObservationInput[] {
  return resolveSloIds(slos, checks).map(m => m.observation);
}

/** What the pushed run's SLO ids resolve to, or why they are refused. */
export interface MatchedChecks {
  /** The observations to store; empty when there are issues. */
  observations: ObservationInput[];
  /** Each refused check, located by its JSON pointer in the pushed body. */
  issues: ContractIssue[];
}

/**
 * Matches a pushed run's checks to the product's SLOs and refuses what it may not store: an
 * SLO id the contract does not declare (unless it is a `datacontract:` check), an id longer
 * than 255 characters, and checks that would give the product more than
 * {@link MAX_UNDECLARED_CHECKS} undeclared ids. `knownCheckIds` are the undeclared ids the
 * product already has (`ObservationStore.pushedCheckIds`).
 */
export function matchPushedChecks(
  slos: SloDefinition[],
  checks: PushedCheck[],
  options: { knownCheckIds?: Iterable<string> } = {},
): MatchedChecks {
  const declared = new Set(slos.map(s => s.id));
  const known = new Set(options.knownCheckIds ?? []);
  const added = new Set<string>();
  const issues: ContractIssue[] = [];
  const problem = (path: string, message: string) =>
    issues.push({ severity: 'error', path, message, rule: 'results' });
  let overflow: { path: string; count: number } | undefined;
  const resolved = resolveSloIds(slos, checks);
  for (const { check, observation, named } of resolved) {
    const where = check.path ?? '';
    const at = named ? `${where}/sloId` : where;
    const { sloId } = observation;
    if (declared.has(sloId)) continue;
    if (named && !sloId.startsWith(PUSHED_CHECK_PREFIX)) {
      problem(
        at,
        `"${sloId}" is not an SLO of this product's contract: use an id from GET …/slo, a quality rule's id, or "${PUSHED_CHECK_PREFIX}<check>" for a check the contract does not declare.`,
      );
      continue;
    }
    if (sloId.length > MAX_KEY_LENGTH) {
      problem(
        at,
        `the check's id "${sloId.slice(0, 60)}…" is ${
          sloId.length
        } characters long, at most ${MAX_KEY_LENGTH} are stored: give it a shorter ${
          named ? 'sloId' : 'qualityId, model or field'
        }, or declare it as a quality rule in the contract.`,
      );
      continue;
    }
    if (known.has(sloId) || added.has(sloId)) continue;
    if (known.size + added.size >= MAX_UNDECLARED_CHECKS) {
      if (!overflow) overflow = { path: at, count: 0 };
      overflow.count += 1;
      continue;
    }
    added.add(sloId);
  }
  if (overflow) {
    problem(
      overflow.path,
      `this run adds ${overflow.count} more check(s) the contract does not declare, beyond the ${MAX_UNDECLARED_CHECKS} a product may have (it has ${known.size}): declare them as quality rules in the contract, or report them under ids already pushed.`,
    );
  }
  if (issues.length) return { observations: [], issues };
  return { observations: resolved.map(m => m.observation), issues };
}

/** Each check with the observation to store and whether the pusher named its SLO id. */
function resolveSloIds(
  slos: SloDefinition[],
  checks: PushedCheck[],
): { check: PushedCheck; observation: ObservationInput; named: boolean }[] {
  const ids = new Set(slos.map(s => s.id));
  const byRuleId = new Map<string, string>();
  for (const slo of slos) {
    if (slo.id.startsWith('quality:') && !slo.id.slice(8).includes(':'))
      byRuleId.set(slo.id.slice(8), slo.id);
  }
  return checks.map(pushed => {
    const { check: dc, path: _path, ...observation } = pushed;
    if (observation.sloId) {
      const sloId = ids.has(observation.sloId)
        ? observation.sloId
        : byRuleId.get(observation.sloId) ?? observation.sloId;
      return {
        check: pushed,
        observation: { ...observation, sloId },
        named: true,
      };
    }
    let sloId: string | undefined;
    if (dc?.qualityId)
      sloId =
        byRuleId.get(dc.qualityId) ??
        (ids.has(`quality:${dc.qualityId}`)
          ? `quality:${dc.qualityId}`
          : undefined);
    if (!sloId && dc?.type)
      sloId = TYPE_TO_SLO[dc.type]?.(dc.model, dc.field).find(id =>
        ids.has(id),
      );
    if (!sloId) {
      const scope = [dc?.model, dc?.field].filter(Boolean).join('.');
      sloId = `${PUSHED_CHECK_PREFIX}${
        dc?.qualityId ?? dc?.key ?? `${dc?.type}${scope ? `:${scope}` : ''}`
      }`;
    }
    return {
      check: pushed,
      observation: { ...observation, sloId },
      named: false,
    };
  });
}
