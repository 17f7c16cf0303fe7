/**
 * Compiling one policy of a policy file whose shape is right: what a definition must say, how
 * modes and grace periods fit together, and its CEL (condition, message, remediation).
 */
import type { ContractIssue, PathSegment } from '../issues';
import { CelCompileError, CompiledExpression, compileExpression } from './cel';
import { compileTemplate, MessageTemplate } from './interpolate';
import { placeInFile, type Locate } from './placeInFile';
import { dateText, POLICY_KEYS, type PolicyEntry } from './policySetSchema';
import {
  POLICY_SEVERITIES,
  PolicyDefinition,
  PolicyMode,
  PolicySeverity,
} from './types';

/** A policy whose condition and messages are compiled. */
export interface CompiledPolicy extends PolicyDefinition {
  /** The set (file or pack name) that wrote this entry. */
  source: string;
  /** The compiled condition; absent for an override entry. */
  compiledCondition?: CompiledExpression;
  compiledMessage?: MessageTemplate;
  compiledRemediation?: MessageTemplate;
  /**
   * True when the condition, message or remediation reads `checks`, the product's latest
   * quality results: its result says something about the product's data.
   */
  readsQualityResults?: boolean;
}

/** Reports one problem at a path, with an optional position that overrides `locate`. */
export type Report = (
  path: PathSegment[],
  message: string,
  rule: string,
  severity?: ContractIssue['severity'],
  at?: { line: number; column: number },
) => void;

function celMessage(label: string, what: string, error: CelCompileError) {
  return `${label}: the ${what} does not compile: ${error.summary} at line ${error.line}, column ${error.column} of the expression\n${error.excerpt}`;
}

/**
 * Compiles a policy entry whose shape {@link policySetShapeProblems} found right. Returns the
 * policy, or undefined when it has an error (each reported).
 */
export function compilePolicy(
  entry: PolicyEntry,
  path: PathSegment[],
  source: string,
  report: Report,
  file: { locate?: Locate; text?: string },
): CompiledPolicy | undefined {
  let errors = 0;
  const fail: Report = (...args) => {
    if ((args[3] ?? 'error') === 'error') errors += 1;
    report(...args);
  };
  const label = `policy "${entry.id}"`;
  const isDefinition = entry.condition !== undefined;
  const policy: CompiledPolicy = { id: entry.id, source };
  if (entry.severity) policy.severity = entry.severity as PolicySeverity;
  if (entry.mode) policy.mode = entry.mode as PolicyMode;
  if (entry.enabled !== undefined) policy.enabled = entry.enabled;
  if (entry.selector) policy.selector = entry.selector;
  if (entry.description !== undefined) policy.description = entry.description;

  if (isDefinition && !entry.severity)
    fail(
      path,
      `${label} has no severity: say how serious a failure is (${POLICY_SEVERITIES.join(
        ', ',
      )})`,
      'required',
    );
  if (entry.graceUntil !== undefined) {
    policy.graceUntil = dateText(entry.graceUntil);
    if (entry.mode !== undefined && entry.mode !== 'grace')
      report(
        [...path, 'graceUntil'],
        `${label}: graceUntil only applies in mode "grace" (the mode is "${entry.mode}")`,
        'unused',
        'warning',
      );
  }
  if (entry.mode === 'grace' && entry.graceUntil === undefined)
    fail(
      [...path, 'mode'],
      `${label} is in mode "grace" but has no graceUntil: give the date from which it is enforced`,
      'required',
    );
  if (isDefinition && entry.description === undefined)
    fail(
      path,
      `${label} has no description: say in a sentence what it requires`,
      'required',
    );

  const reads: string[] = [];
  if (entry.condition !== undefined) {
    const compiled = compileExpression(entry.condition);
    if ('error' in compiled) {
      fail(
        [...path, 'condition'],
        celMessage(label, 'condition', compiled.error),
        'cel',
        'error',
        placeInFile(file, [...path, 'condition'], compiled.error),
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
      reads.push(...compiled.expression.variables);
    }
  } else if (
    !POLICY_KEYS.some(
      k => k !== 'id' && (entry as Record<string, unknown>)[k] !== undefined,
    )
  ) {
    report(
      path,
      `${label} has no condition and changes nothing: add a condition to define it, or a field (severity, mode, enabled...) to override it`,
      'empty-override',
      'warning',
    );
  }
  for (const key of ['message', 'remediation'] as const) {
    const text = entry[key];
    if (text === undefined) continue;
    const compiled = compileTemplate(text);
    if ('error' in compiled) {
      fail(
        [...path, key],
        `${label}: the ${key} has a placeholder that does not compile: \`${compiled.error.expression}\`: ${compiled.error.summary} (column ${compiled.error.column})`,
        'cel',
      );
      continue;
    }
    policy[key] = text;
    if (key === 'message') policy.compiledMessage = compiled.template;
    else policy.compiledRemediation = compiled.template;
    reads.push(...compiled.template.variables);
  }
  if (reads.includes('checks')) policy.readsQualityResults = true;
  return errors ? undefined : policy;
}
