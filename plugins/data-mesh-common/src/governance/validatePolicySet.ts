import { ContractIssue, PathSegment, toJsonPointer } from '../issues';
import { CelCompileError, CompiledExpression, compileExpression } from './cel';
import { compileTemplate, MessageTemplate } from './interpolate';
import {
  POLICY_MODES,
  POLICY_SEVERITIES,
  PolicyDefinition,
  PolicyMode,
  PolicySelector,
  PolicySeverity,
} from './types';

/** The `apiVersion` and `kind` of a policy file. */
export const POLICY_SET_API_VERSION = 'data-mesh/v1';
export const POLICY_SET_KIND = 'PolicySet';

/**
 * A policy whose condition and messages are compiled.
 *
 * @public
 */
export interface CompiledPolicy extends PolicyDefinition {
  /** The set (file or pack name) that wrote this entry. */
  source: string;
  /** The compiled condition; absent for an override entry. */
  compiledCondition?: CompiledExpression;
  compiledMessage?: MessageTemplate;
  compiledRemediation?: MessageTemplate;
}

/**
 * A policy set whose policies are compiled and checked.
 *
 * @public
 */
export interface CompiledPolicySet {
  name: string;
  domain?: string;
  description?: string;
  policies: CompiledPolicy[];
}

/** Where a value is written in its source file, for issues with line and column. */
export type Locate = (
  path: readonly PathSegment[],
) => { line: number; column: number } | undefined;

/** Options of {@link validatePolicySet}. */
export interface ValidatePolicySetOptions {
  /** A name for messages when the set has no `metadata.name`: the file name, the pack name. */
  name?: string;
  file?: string;
  locate?: Locate;
  /** The source text, to place CEL errors inside block scalars. */
  text?: string;
}

const TOP_KEYS = ['apiVersion', 'kind', 'metadata', 'policies'];
const METADATA_KEYS = ['name', 'domain', 'description'];
const POLICY_KEYS = [
  'id',
  'description',
  'severity',
  'mode',
  'graceUntil',
  'selector',
  'condition',
  'message',
  'remediation',
  'enabled',
];
const SELECTOR_KEYS = [
  'domains',
  'classifications',
  'lifecycles',
  'productKinds',
];
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function closest(
  word: string,
  candidates: readonly string[],
): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(
          row[j] + 1,
          row[j - 1] + 1,
          prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
        );
        prev = row[j];
        row[j] = next;
      }
    }
    return row[b.length];
  };
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 2)) + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a policy set (parsed from YAML, or written as data) and compiles its CEL. Every
 * problem is an issue with its path (and line, when `locate` is given); the set is returned
 * only when there is no error, so a bad policy never passes silently.
 *
 * @public
 */
export function validatePolicySet(
  value: unknown,
  options: ValidatePolicySetOptions = {},
): { set?: CompiledPolicySet; issues: ContractIssue[] } {
  const issues: ContractIssue[] = [];
  const report = (
    path: PathSegment[],
    message: string,
    rule: string,
    severity: ContractIssue['severity'] = 'error',
    at?: { line: number; column: number },
  ) => {
    const issue: ContractIssue = {
      severity,
      path: toJsonPointer(path),
      message,
      rule,
    };
    if (options.file) issue.file = options.file;
    const where = at ?? options.locate?.(path);
    if (where) Object.assign(issue, { line: where.line, column: where.column });
    issues.push(issue);
  };
  const unknownKeys = (
    record: Record<string, unknown>,
    allowed: readonly string[],
    path: PathSegment[],
    what: string,
  ) => {
    for (const key of Object.keys(record)) {
      if (allowed.includes(key)) continue;
      const hint = closest(key, allowed);
      report(
        [...path, key],
        `${what} has an unknown key "${key}"${
          hint
            ? `: did you mean "${hint}"?`
            : `; allowed keys: ${allowed.join(', ')}`
        }`,
        'unknown-key',
      );
    }
  };

  if (!isRecord(value)) {
    report(
      [],
      `a policy file must be a mapping with apiVersion: ${POLICY_SET_API_VERSION}, kind: ${POLICY_SET_KIND} and a list of policies`,
      'type',
    );
    return { issues };
  }
  unknownKeys(value, TOP_KEYS, [], 'The policy file');
  if (value.apiVersion !== POLICY_SET_API_VERSION) {
    report(
      ['apiVersion'],
      `apiVersion must be "${POLICY_SET_API_VERSION}"${
        value.apiVersion === undefined
          ? ', and is missing'
          : `, not ${JSON.stringify(value.apiVersion)}`
      }`,
      'api-version',
    );
  }
  if (value.kind !== POLICY_SET_KIND) {
    report(
      ['kind'],
      `kind must be "${POLICY_SET_KIND}"${
        value.kind === undefined
          ? ', and is missing'
          : `, not ${JSON.stringify(value.kind)}`
      }`,
      'kind',
    );
  }
  const metadata = value.metadata ?? {};
  if (!isRecord(metadata))
    report(
      ['metadata'],
      'metadata must be a mapping (name, domain, description)',
      'type',
    );
  const meta = isRecord(metadata) ? metadata : {};
  unknownKeys(meta, METADATA_KEYS, ['metadata'], 'metadata');
  for (const key of METADATA_KEYS) {
    if (meta[key] !== undefined && typeof meta[key] !== 'string')
      report(['metadata', key], `metadata.${key} must be a string`, 'type');
  }
  const name =
    typeof meta.name === 'string' ? meta.name : options.name ?? 'policies';
  const policies: CompiledPolicy[] = [];
  if (!Array.isArray(value.policies)) {
    report(
      ['policies'],
      value.policies === undefined
        ? 'the policy file has no "policies" list'
        : '"policies" must be a list of policies',
      value.policies === undefined ? 'required' : 'type',
    );
  } else {
    const seen = new Map<string, number>();
    value.policies.forEach((entry, index) => {
      const policy = validatePolicy(
        entry,
        ['policies', index],
        name,
        report,
        unknownKeys,
        options,
      );
      if (!policy) return;
      const first = seen.get(policy.id);
      if (first !== undefined) {
        report(
          ['policies', index, 'id'],
          `policy id "${policy.id}" is already used by policies[${first}] of this file; ids must be unique within a file`,
          'duplicate-id',
        );
        return;
      }
      seen.set(policy.id, index);
      policies.push(policy);
    });
  }
  if (issues.some(i => i.severity === 'error')) return { issues };
  const set: CompiledPolicySet = { name, policies };
  if (typeof meta.domain === 'string') set.domain = meta.domain;
  if (typeof meta.description === 'string') set.description = meta.description;
  return { set, issues };
}

type Report = (
  path: PathSegment[],
  message: string,
  rule: string,
  severity?: ContractIssue['severity'],
  at?: { line: number; column: number },
) => void;

function validatePolicy(
  entry: unknown,
  path: PathSegment[],
  setName: string,
  report: Report,
  unknownKeys: (
    record: Record<string, unknown>,
    allowed: readonly string[],
    path: PathSegment[],
    what: string,
  ) => void,
  options: ValidatePolicySetOptions,
): CompiledPolicy | undefined {
  if (!isRecord(entry)) {
    report(path, 'a policy must be a mapping with at least an id', 'type');
    return undefined;
  }
  const errorsBefore = { count: 0 };
  const fail: Report = (...args) => {
    if ((args[3] ?? 'error') === 'error') errorsBefore.count++;
    report(...args);
  };
  const id = entry.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    fail(
      [...path, 'id'],
      id === undefined
        ? 'the policy has no id'
        : `policy id ${JSON.stringify(
            id,
          )} must be a word of letters, digits, ".", "_" or "-"`,
      id === undefined ? 'required' : 'type',
    );
    return undefined;
  }
  const label = `policy "${id}"`;
  unknownKeys(entry, POLICY_KEYS, path, `The ${label}`);
  const isDefinition = entry.condition !== undefined;
  const policy: CompiledPolicy = { id, source: setName };

  for (const key of [
    'description',
    'message',
    'remediation',
    'graceUntil',
  ] as const) {
    if (
      entry[key] !== undefined &&
      typeof entry[key] !== 'string' &&
      !(key === 'graceUntil' && entry[key] instanceof Date)
    ) {
      fail([...path, key], `${label}: ${key} must be a string`, 'type');
    }
  }
  if (entry.severity !== undefined) {
    if (POLICY_SEVERITIES.includes(entry.severity as PolicySeverity))
      policy.severity = entry.severity as PolicySeverity;
    else
      fail(
        [...path, 'severity'],
        `${label}: severity must be one of ${POLICY_SEVERITIES.join(
          ', ',
        )}, not ${JSON.stringify(entry.severity)}`,
        'enum',
      );
  } else if (isDefinition) {
    fail(
      [...path],
      `${label} has no severity: say how serious a failure is (${POLICY_SEVERITIES.join(
        ', ',
      )})`,
      'required',
    );
  }
  if (entry.mode !== undefined) {
    if (POLICY_MODES.includes(entry.mode as PolicyMode))
      policy.mode = entry.mode as PolicyMode;
    else
      fail(
        [...path, 'mode'],
        `${label}: mode must be one of ${POLICY_MODES.join(
          ', ',
        )}, not ${JSON.stringify(entry.mode)}`,
        'enum',
      );
  }
  if (entry.graceUntil !== undefined) {
    const raw =
      entry.graceUntil instanceof Date
        ? entry.graceUntil.toISOString()
        : String(entry.graceUntil);
    if (Number.isNaN(Date.parse(raw)))
      fail(
        [...path, 'graceUntil'],
        `${label}: graceUntil must be a date such as 2026-03-31, not ${JSON.stringify(
          raw,
        )}`,
        'format',
      );
    else policy.graceUntil = raw;
    if (entry.mode !== undefined && entry.mode !== 'grace') {
      report(
        [...path, 'graceUntil'],
        `${label}: graceUntil only applies in mode "grace" (the mode is "${entry.mode}")`,
        'unused',
        'warning',
      );
    }
  }
  if (entry.mode === 'grace' && entry.graceUntil === undefined) {
    fail(
      [...path, 'mode'],
      `${label} is in mode "grace" but has no graceUntil: give the date from which it is enforced`,
      'required',
    );
  }
  if (entry.enabled !== undefined) {
    if (typeof entry.enabled === 'boolean') policy.enabled = entry.enabled;
    else
      fail(
        [...path, 'enabled'],
        `${label}: enabled must be true or false`,
        'type',
      );
  }
  if (entry.selector !== undefined) {
    const selector = validateSelector(
      entry.selector,
      [...path, 'selector'],
      label,
      fail,
      unknownKeys,
    );
    if (selector) policy.selector = selector;
  }
  if (typeof entry.description === 'string')
    policy.description = entry.description;
  else if (isDefinition && entry.description === undefined) {
    fail(
      [...path],
      `${label} has no description: say in a sentence what it requires`,
      'required',
    );
  }

  if (isDefinition) {
    if (typeof entry.condition !== 'string' || entry.condition.trim() === '') {
      fail(
        [...path, 'condition'],
        `${label}: condition must be a CEL expression (a non-empty string) that is true when the product complies`,
        'type',
      );
    } else {
      const compiled = compileExpression(entry.condition);
      if ('error' in compiled) {
        fail(
          [...path, 'condition'],
          celMessage(label, 'condition', compiled.error),
          'cel',
          'error',
          placeInFile(options, [...path, 'condition'], compiled.error),
        );
      } else if (!['bool', 'dyn'].includes(compiled.expression.type)) {
        fail(
          [...path, 'condition'],
          `${label}: the condition must be true or false, but \`${entry.condition.trim()}\` gives a value of type ${
            compiled.expression.type
          }`,
          'cel',
        );
      } else {
        policy.condition = entry.condition;
        policy.compiledCondition = compiled.expression;
      }
    }
  } else if (!POLICY_KEYS.some(k => k !== 'id' && entry[k] !== undefined)) {
    report(
      path,
      `${label} has no condition and changes nothing: add a condition to define it, or a field (severity, mode, enabled...) to override it`,
      'empty-override',
      'warning',
    );
  }
  for (const key of ['message', 'remediation'] as const) {
    if (typeof entry[key] !== 'string') continue;
    const compiled = compileTemplate(entry[key] as string);
    if ('error' in compiled) {
      fail(
        [...path, key],
        `${label}: the ${key} has a placeholder that does not compile: \`${compiled.error.expression}\`: ${compiled.error.summary} (column ${compiled.error.column})`,
        'cel',
      );
    } else {
      policy[key] = entry[key] as string;
      if (key === 'message') policy.compiledMessage = compiled.template;
      else policy.compiledRemediation = compiled.template;
    }
  }
  return errorsBefore.count ? undefined : policy;
}

function validateSelector(
  value: unknown,
  path: PathSegment[],
  label: string,
  fail: Report,
  unknownKeys: (
    record: Record<string, unknown>,
    allowed: readonly string[],
    path: PathSegment[],
    what: string,
  ) => void,
): PolicySelector | undefined {
  if (!isRecord(value)) {
    fail(
      path,
      `${label}: selector must be a mapping of ${SELECTOR_KEYS.join(', ')}`,
      'type',
    );
    return undefined;
  }
  unknownKeys(value, SELECTOR_KEYS, path, `The selector of ${label}`);
  const selector: PolicySelector = {};
  for (const key of SELECTOR_KEYS as (keyof PolicySelector)[]) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some(v => typeof v !== 'string')) {
      fail(
        [...path, key],
        `${label}: selector.${key} must be a list of strings, e.g. [${
          key === 'domains' ? 'finance' : '...'
        }]`,
        'type',
      );
      continue;
    }
    selector[key] = list as string[];
  }
  return selector;
}

function celMessage(
  label: string,
  what: string,
  error: CelCompileError,
): string {
  return `${label}: the ${what} does not compile: ${error.summary} at line ${error.line}, column ${error.column} of the expression\n${error.excerpt}`;
}

/**
 * Places a CEL error in the file: the expression's line and column added to where the
 * condition is written (after the `|` line of a block scalar, or after an opening quote).
 */
function placeInFile(
  options: ValidatePolicySetOptions,
  path: PathSegment[],
  error: CelCompileError,
): { line: number; column: number } | undefined {
  const start = options.locate?.(path);
  if (!start || options.text === undefined) return start;
  const lines = options.text.split('\n');
  const first = lines[start.line - 1] ?? '';
  const head = first.charAt(start.column - 1);
  if (head === '|' || head === '>') {
    const line = start.line + error.line;
    const indent = /^\s*/.exec(lines[start.line] ?? '')![0].length; // the block's indentation
    return { line, column: indent + error.column };
  }
  const quoted = head === '"' || head === "'" ? 1 : 0;
  if (error.line === 1)
    return {
      line: start.line,
      column: start.column + quoted + error.column - 1,
    };
  return { line: start.line + error.line - 1, column: error.column };
}
