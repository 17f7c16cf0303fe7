import type { ContractIssue, IssueSeverity, PathSegment } from '../../issues';
import { formatPath, toJsonPointer } from '../../issues';
import type { LocateTarget } from '../../source/locate';
import { suggestKey } from '../../suggestKey';

/**
 * The rules a contract is checked by: those of v3.1 (which v3.0.x contracts follow too), or
 * those of v3.2, which add keys and relax a few requirements.
 */
export type RuleSet = '3.1' | '3.2';

/**
 * The rules an apiVersion is validated by: v3.0.x and v3.1.0 by the v3.1 rules, v3.2.0 by the
 * v3.2 rules. An unknown or missing apiVersion is reported, and the rest is checked by v3.1.
 */
export function ruleSetFor(apiVersion: unknown): RuleSet {
  return apiVersion === 'v3.2.0' ? '3.2' : '3.1';
}

/** An issue before it is placed in the source: which end of the pair to point at. */
export interface PendingIssue extends ContractIssue {
  target: LocateTarget;
}

/**
 * Walks a contract once, keeping the current path as a stack of segments, and collects
 * issues. Paths are only turned into pointers and words when something is reported.
 */
export class Checker {
  readonly issues: PendingIssue[] = [];
  readonly path: PathSegment[] = [];

  constructor(readonly rules: RuleSet) {}

  get v32(): boolean {
    return this.rules === '3.2';
  }

  report(
    rule: string,
    message: string,
    options: {
      at?: readonly PathSegment[];
      target?: LocateTarget;
      severity?: IssueSeverity;
    } = {},
  ): void {
    const path = options.at ? [...this.path, ...options.at] : this.path;
    this.issues.push({
      severity: options.severity ?? 'error',
      path: toJsonPointer(path),
      message,
      rule,
      target: options.target ?? 'value',
    });
  }

  /** Runs `check` with `segment` pushed on the path. */
  at(segment: PathSegment, check: () => void): void {
    this.path.push(segment);
    try {
      check();
    } finally {
      this.path.pop();
    }
  }

  /** How the current path reads in a message, e.g. `` `name` in schema[0].properties[1] ``. */
  subject(): string {
    return describeSubject(this.path);
  }

  /** How the current path reads as a place: `schema[0].properties[1]`. */
  place(): string {
    return this.path.length === 0 ? 'the contract' : formatPath(this.path);
  }

  /** The current place with its preposition: `in schema[0]`, `at the top level of the contract`. */
  placeIn(): string {
    return this.path.length === 0
      ? 'at the top level of the contract'
      : `in ${formatPath(this.path)}`;
  }
}

/** `` `key` in parent `` for a key, the formatted path for an array item. */
export function describeSubject(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the contract';
  const last = path[path.length - 1];
  if (typeof last === 'number') return formatPath(path);
  const parent = path.slice(0, -1);
  return parent.length === 0
    ? `\`${last}\``
    : `\`${last}\` in ${formatPath(parent)}`;
}

/** `a` or `an`, by how the word sounds: an athena server, an SLA property, a sql rule. */
export function withArticle(what: string): string {
  return /^([aeiou]|SLA)/i.test(what) ? `an ${what}` : `a ${what}`;
}

/** How a found value reads in a message: `the string "yes"`, `a list`, `null`... */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping (key: value pairs)';
}

/** A check of one value, run with the checker's path pointing at it. */
export type Check = (c: Checker, value: unknown) => void;

/** A plain object, as parsed YAML or JSON mappings are. */
export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasKey(object: Mapping, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Reports a value of the wrong kind. */
export function reportType(c: Checker, expected: string, value: unknown): void {
  c.report(
    'type',
    `${c.subject()} must be ${expected}; found ${describeValue(value)}`,
  );
}

/** A key of a shape: its check, and whether only v3.2 allows it. */
export interface Field {
  check: Check;
  since32?: boolean;
  /** Deprecated: still valid, reported as a warning with this advice. */
  deprecated?: string;
}

/** The keys an ODCS object may have, and which of them it must have. */
export interface Shape {
  /** What the object is, in the user's words, e.g. `schema object`, `server`. */
  what: string;
  fields: ReadonlyMap<string, Field>;
  required: readonly string[];
  /** Required up to v3.1 only. */
  requiredBefore32?: readonly string[];
  /** The standard allows keys of its own choosing here: unknown keys are kept, not errors. */
  open?: boolean;
}

type FieldSpec = Check | Field;

/** Builds a shape from a record of checks (or fields with version and deprecation notes). */
export function shape(
  what: string,
  fields: Record<string, FieldSpec>,
  options: {
    required?: readonly string[];
    requiredBefore32?: readonly string[];
    open?: boolean;
  } = {},
): Shape {
  const map = new Map<string, Field>();
  for (const [key, spec] of Object.entries(fields)) {
    map.set(key, typeof spec === 'function' ? { check: spec } : spec);
  }
  return {
    what,
    fields: map,
    required: options.required ?? [],
    requiredBefore32: options.requiredBefore32,
    open: options.open,
  };
}

/** Marks a key as a v3.2 addition. */
export function v32(check: Check): Field {
  return { check, since32: true };
}

/** Marks a key as deprecated, with the advice to give. */
export function deprecated(check: Check, advice: string): Field {
  return { check, deprecated: advice };
}

/** Merges extra keys into a shape, e.g. those a server type or a logical type adds. */
export function extendShape(
  base: Shape,
  what: string,
  fields: Record<string, FieldSpec>,
  options: {
    required?: readonly string[];
    requiredBefore32?: readonly string[];
  } = {},
): Shape {
  const extra = shape(what, fields, options);
  return {
    what,
    fields: new Map([...base.fields, ...extra.fields]),
    required: [...base.required, ...extra.required],
    requiredBefore32: [
      ...(base.requiredBefore32 ?? []),
      ...(extra.requiredBefore32 ?? []),
    ],
    open: base.open,
  };
}

export function isAllowed(
  c: Checker,
  field: Field | undefined,
): field is Field {
  return field !== undefined && (!field.since32 || c.v32);
}

/** Options of {@link checkShape}. */
export interface ShapeOptions {
  /**
   * Explains a key this shape does not allow here but that exists elsewhere, e.g.
   * `properties` on a string property. Return undefined for a plain unknown key.
   */
  explainUnknown?: (key: string) => string | undefined;
  /** Keys to pass over silently (reported otherwise, e.g. after a wrong `type`). */
  skipUnknown?: (key: string) => boolean;
}

function unknownKeyMessage(
  c: Checker,
  key: string,
  target: Shape,
  where: string,
): string {
  const field = target.fields.get(key);
  if (field?.since32) {
    return `\`${key}\` ${where} is an ODCS v3.2 feature, and this contract declares an earlier apiVersion; declare \`apiVersion: v3.2.0\` to use it, or remove it`;
  }
  const allowed = [...target.fields.entries()]
    .filter(([, f]) => isAllowed(c, f))
    .map(([k]) => k);
  const suggestion = suggestKey(key, allowed);
  let message = `unknown key \`${key}\` ${where}`;
  if (suggestion) {
    message += `; did you mean \`${suggestion.key}\`?`;
    if (suggestion.note) message += ` (${suggestion.note})`;
  } else if (target.fields.has('customProperties')) {
    message += `; remove it, or keep it as a customProperties entry (property: ${key}, value: ...)`;
  } else {
    message += `; remove it (${withArticle(target.what)} allows ${allowed.join(
      ', ',
    )})`;
  }
  return message;
}

/**
 * Checks an object against a shape: that it is an object, has its required keys, has no
 * unknown keys (unless the shape is open), and that each known key's value passes its
 * check. Returns the object when it is one, for the caller's own further checks.
 */
export function checkShape(
  c: Checker,
  value: unknown,
  target: Shape,
  options: ShapeOptions = {},
): Mapping | undefined {
  if (!isMapping(value)) {
    reportType(
      c,
      `${withArticle(target.what)} (a mapping of keys to values)`,
      value,
    );
    return undefined;
  }
  reportMissing(c, value, target);
  for (const key in value) {
    if (!hasKey(value, key)) continue;
    const field = target.fields.get(key);
    if (isAllowed(c, field)) {
      if (field.deprecated) {
        c.report(
          'deprecated',
          `\`${key}\` ${c.placeIn()} is deprecated: ${field.deprecated}`,
          { at: [key], target: 'key', severity: 'warning' },
        );
      }
      c.path.push(key);
      field.check(c, value[key]);
      c.path.pop();
    } else if (!target.open && !options.skipUnknown?.(key)) {
      const explained = field ? undefined : options.explainUnknown?.(key);
      c.report(
        'unknown-key',
        explained ?? unknownKeyMessage(c, key, target, c.placeIn()),
        { at: [key], target: 'key' },
      );
    }
  }
  return value;
}

function reportMissing(c: Checker, value: Mapping, target: Shape): void {
  const before32 = c.v32 ? undefined : target.requiredBefore32;
  const check = (key: string) => {
    if (hasKey(value, key)) return;
    const all = [...target.required, ...(before32 ?? [])];
    c.report(
      'required',
      `missing required key \`${key}\` ${c.placeIn()} (${withArticle(
        target.what,
      )} needs ${joinKeys(all)})`,
    );
  };
  for (const key of target.required) check(key);
  if (before32) for (const key of before32) check(key);
}

export function joinKeys(keys: readonly string[]): string {
  const quoted = keys.map(k => `\`${k}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
