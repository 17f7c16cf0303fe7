/**
 * The shape of a policy file, declared once as a schema, and what each way of breaking it
 * means in a sentence a person can act on.
 */
import { z } from 'zod';
import type { PathSegment } from '../issues';
import { isRecord } from '../parsedValues';
import { suggestKey } from '../suggestKey';
import { POLICY_MODES, POLICY_SEVERITIES } from './types';

/** The `apiVersion` and `kind` of a policy file. */
export const POLICY_SET_API_VERSION = 'data-mesh/v1';
export const POLICY_SET_KIND = 'PolicySet';

const SELECTOR_KEYS = [
  'domains',
  'classifications',
  'lifecycles',
  'productKinds',
] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const selectorSchema = z.strictObject(
  Object.fromEntries(
    SELECTOR_KEYS.map(key => [key, z.array(z.string()).optional()]),
  ) as Record<
    (typeof SELECTOR_KEYS)[number],
    z.ZodOptional<z.ZodArray<z.ZodString>>
  >,
);

const policySchema = z.strictObject({
  id: z.string().regex(ID),
  description: z.string().optional(),
  severity: z.enum(POLICY_SEVERITIES as [string, ...string[]]).optional(),
  mode: z.enum(POLICY_MODES as [string, ...string[]]).optional(),
  /** YAML reads an unquoted date as a Date. */
  graceUntil: z
    .union([z.string(), z.date()])
    .refine(v => !Number.isNaN(Date.parse(dateText(v))))
    .optional(),
  selector: selectorSchema.optional(),
  condition: z
    .string()
    .refine(v => v.trim() !== '')
    .optional(),
  message: z.string().optional(),
  remediation: z.string().optional(),
  enabled: z.boolean().optional(),
});

/**
 * A policy file: `apiVersion: data-mesh/v1`, `kind: PolicySet`, optional `metadata` (`name`,
 * `domain`, `description`) and a list of `policies`. Every object is closed: an unknown key is
 * an error, so a misspelt key never goes unnoticed.
 */
export const policySetSchema = z.strictObject({
  apiVersion: z.literal(POLICY_SET_API_VERSION),
  kind: z.literal(POLICY_SET_KIND),
  metadata: z
    .strictObject({
      name: z.string().optional(),
      domain: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  policies: z.array(policySchema),
});

/** A policy file as the schema reads it. */
export type PolicySetFile = z.infer<typeof policySetSchema>;
/** One entry of `policies` as the schema reads it. */
export type PolicyEntry = z.infer<typeof policySchema>;

/** The keys a policy entry may have. */
export const POLICY_KEYS = Object.keys(policySchema.shape);

/** A date written as text or read by YAML as a date. */
export function dateText(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** One problem with the shape of a policy file. */
export interface ShapeProblem {
  path: PathSegment[];
  message: string;
  rule: string;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

const shown = (value: unknown) =>
  value instanceof Date
    ? JSON.stringify(dateText(value))
    : JSON.stringify(value);

/** The keys an object of the file may have, and how a message names it. */
function objectAt(
  root: unknown,
  path: readonly PathSegment[],
): { keys: readonly string[]; what: string } {
  if (path.length === 0)
    return {
      keys: Object.keys(policySetSchema.shape),
      what: 'The policy file',
    };
  if (path.length === 1)
    return { keys: ['name', 'domain', 'description'], what: 'metadata' };
  const label = policyLabel(root, path);
  if (path.length === 2) return { keys: POLICY_KEYS, what: `The ${label}` };
  return { keys: SELECTOR_KEYS, what: `The selector of ${label}` };
}

function policyLabel(root: unknown, path: readonly PathSegment[]): string {
  const id = valueAt(root, ['policies', path[1], 'id']);
  return `policy "${typeof id === 'string' ? id : String(path[1])}"`;
}

/** The sentence for a problem at `path` (a key of a policy, of a selector, of the header). */
function sentence(root: unknown, path: PathSegment[]): ShapeProblem {
  const found = valueAt(root, path);
  const at = (message: string, rule = 'type') => ({ path, message, rule });
  const [top, index, key, selectorKey] = path;
  if (path.length === 0)
    return at(
      `a policy file must be a mapping with apiVersion: ${POLICY_SET_API_VERSION}, kind: ${POLICY_SET_KIND} and a list of policies`,
    );
  if (top === 'apiVersion' || top === 'kind') {
    const wanted =
      top === 'apiVersion' ? POLICY_SET_API_VERSION : POLICY_SET_KIND;
    return at(
      `${top} must be "${wanted}"${
        found === undefined ? ', and is missing' : `, not ${shown(found)}`
      }`,
      top === 'apiVersion' ? 'api-version' : 'kind',
    );
  }
  if (top === 'metadata')
    return index === undefined
      ? at('metadata must be a mapping (name, domain, description)')
      : at(`metadata.${index} must be a string`);
  if (index === undefined)
    return found === undefined
      ? at('the policy file has no "policies" list', 'required')
      : at('"policies" must be a list of policies');
  if (key === undefined)
    return at('a policy must be a mapping with at least an id');
  const label = policyLabel(root, path);
  switch (key) {
    case 'id':
      return found === undefined
        ? at('the policy has no id', 'required')
        : at(
            `policy id ${shown(
              found,
            )} must be a word of letters, digits, ".", "_" or "-"`,
          );
    case 'severity':
    case 'mode':
      return at(
        `${label}: ${key} must be one of ${(key === 'severity'
          ? POLICY_SEVERITIES
          : POLICY_MODES
        ).join(', ')}, not ${shown(found)}`,
        'enum',
      );
    case 'graceUntil':
      return typeof found === 'string' || found instanceof Date
        ? at(
            `${label}: graceUntil must be a date such as 2026-03-31, not ${shown(
              found,
            )}`,
            'format',
          )
        : at(`${label}: graceUntil must be a string`);
    case 'condition':
      return at(
        `${label}: condition must be a CEL expression (a non-empty string) that is true when the product complies`,
      );
    case 'enabled':
      return at(`${label}: enabled must be true or false`);
    case 'selector':
      return selectorKey === undefined
        ? at(
            `${label}: selector must be a mapping of ${SELECTOR_KEYS.join(
              ', ',
            )}`,
          )
        : at(
            `${label}: selector.${selectorKey} must be a list of strings, e.g. [${
              selectorKey === 'domains' ? 'finance' : '...'
            }]`,
          );
    default:
      return at(`${label}: ${String(key)} must be a string`);
  }
}

/**
 * Checks the shape of a policy file against {@link policySetSchema}: every problem, each with
 * its path and a sentence that says what to write instead (for an unknown key, the key most
 * likely meant). Unknown keys of an object come before its other problems, as a person reads
 * a file top down. Empty when the shape is right.
 */
export function policySetShapeProblems(value: unknown): ShapeProblem[] {
  if (!isRecord(value)) return [sentence(value, [])];
  const result = policySetSchema.safeParse(value);
  if (result.success) return [];
  const problems: ShapeProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter(
      (s): s is string | number => typeof s !== 'symbol',
    );
    if (issue.code !== 'unrecognized_keys') {
      // one sentence per place: an id that is neither missing nor valid is said once
      if (!problems.some(p => samePath(p.path, path)))
        problems.push(sentence(value, path));
      continue;
    }
    const { keys, what } = objectAt(value, path);
    const unknown = issue.keys.map(key => {
      const hint = suggestKey(key, keys);
      return {
        path: [...path, key],
        message: `${what} has an unknown key "${key}"${
          hint
            ? `: did you mean "${hint.key}"?`
            : `; allowed keys: ${keys.join(', ')}`
        }`,
        rule: 'unknown-key',
      };
    });
    const first = problems.findIndex(p => isInside(p.path, path));
    problems.splice(first < 0 ? problems.length : first, 0, ...unknown);
  }
  return problems;
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]) {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function isInside(
  path: readonly PathSegment[],
  object: readonly PathSegment[],
) {
  return path.length > object.length && object.every((s, i) => path[i] === s);
}
