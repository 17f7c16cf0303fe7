import { Environment } from '@marcbachmann/cel-js';

/**
 * The variables a policy expression can use. Every one is always present (absent things are
 * `null` or empty), so expressions never fail on a missing variable.
 *
 * @public
 */
export const POLICY_VARIABLES = [
  'entity',
  'contract',
  'previous',
  'diff',
  'now',
  'product',
  'fields',
  'objects',
  'quality',
  'sla',
  'custom',
  'checks',
  'issues',
  'upstream',
  'downstream',
  'gate',
] as const;

/** @public */
export type PolicyVariable = (typeof POLICY_VARIABLES)[number];

let environment: Environment | undefined;

/**
 * The one CEL environment of the governance engine: the variables above, optional chaining
 * (`contract.?team.orValue(null)`), and mixed-type list and map literals.
 */
function celEnvironment(): Environment {
  if (!environment) {
    const env = new Environment({
      unlistedVariablesAreDyn: false,
      homogeneousAggregateLiterals: false,
      enableOptionalTypes: true,
      limits: { maxAstNodes: 5000, maxDepth: 100 },
    });
    for (const name of POLICY_VARIABLES) {
      env.registerVariable(
        name,
        name === 'now' ? 'google.protobuf.Timestamp' : 'dyn',
      );
    }
    environment = env;
  }
  return environment;
}

/** A CEL expression compiled once, evaluated many times. */
export interface CompiledExpression {
  source: string;
  /** The type CEL inferred: `bool`, `string`, `dyn`... */
  type: string;
  /** The policy variables the expression reads (`checks`, `contract`...). */
  variables: string[];
  evaluate(activation: Record<string, unknown>): unknown;
}

/**
 * Why an expression does not compile, and where in the expression (1-based line and column).
 */
export interface CelCompileError {
  summary: string;
  line: number;
  column: number;
  /** The offending line of the expression with a caret under the position. */
  excerpt: string;
}

interface CelErrorLike {
  summary?: string;
  message?: string;
  range?: { start: number; end: number };
}

function describe(error: unknown, source: string): CelCompileError {
  const e = (error ?? {}) as CelErrorLike;
  const summary = e.summary ?? e.message ?? String(error);
  const offset = Math.max(0, Math.min(e.range?.start ?? 0, source.length));
  const before = source.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  const text = source.split('\n')[line - 1] ?? '';
  return {
    summary,
    line,
    column,
    excerpt: `${text}\n${' '.repeat(column - 1)}^`,
  };
}

/**
 * Compiles (parses and type-checks) an expression against the policy variables.
 */
export function compileExpression(
  source: string,
): { expression: CompiledExpression } | { error: CelCompileError } {
  const env = celEnvironment();
  let parsed;
  try {
    parsed = env.parse(source);
  } catch (error) {
    return { error: describe(error, source) };
  }
  const checked = parsed.check();
  if (!checked.valid) return { error: describe(checked.error, source) };
  const run = parsed;
  return {
    expression: {
      source,
      type: checked.type ?? 'dyn',
      variables: variablesOf(parsed.ast),
      evaluate: activation => run(activation),
    },
  };
}

/**
 * The policy variables an expression names. A name a macro binds (`c` in
 * `checks.all(c, ...)`) that is also a policy variable counts too: the answer errs towards
 * reading more.
 */
function variablesOf(ast: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const { op, args } = node as { op?: string; args?: unknown };
    if (op === 'id' && typeof args === 'string') {
      if ((POLICY_VARIABLES as readonly string[]).includes(args))
        found.add(args);
      return;
    }
    if (op !== undefined) visit(args);
  };
  visit(ast);
  return [...found].sort();
}

/**
 * The short reason of a CEL runtime error (without the library's source excerpt).
 */
export function runtimeErrorSummary(error: unknown): string {
  const e = (error ?? {}) as CelErrorLike;
  return e.summary ?? e.message ?? String(error);
}

/**
 * Writes a CEL value for a message: strings as they are, lists joined by commas, integers
 * without the `n`, timestamps in ISO 8601.
 */
export function celValueText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (
    typeof value === 'bigint' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(celValueText).join(', ');
  if (value instanceof Map)
    return JSON.stringify(Object.fromEntries(value), replacer);
  if (typeof value === 'object' && 'value' in value && 'hasValue' in value) {
    return celValueText((value as { value: unknown }).value);
  }
  return JSON.stringify(value, replacer);
}

function replacer(_key: string, value: unknown) {
  return typeof value === 'bigint' ? Number(value) : value;
}
