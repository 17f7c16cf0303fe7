/**
 * Problems found in a contract or source file, as values a person can act on.
 *
 * Every reader, validator and policy of the suite reports through {@link ContractIssue}:
 * what is wrong (`message`), where (`file`, JSON pointer `path`, `line`, `column`) and a
 * short machine id (`rule`) that tools can filter on.
 */

/** How bad an issue is: an `error` makes the input unusable, a `warning` does not. */
export type IssueSeverity = ContractIssue['severity'];

/**
 * One problem found in a contract or a source file.
 * @public
 */
export interface ContractIssue {
  /** `error` blocks; `warning` informs. */
  severity: 'error' | 'warning';
  /** JSON pointer (RFC 6901) of the offending value, e.g. `/schema/0/properties/1/name`; `""` is the root. */
  path: string;
  /** A sentence a person understands, naming the key or path and what to do. */
  message: string;
  /** 1-based line in the source file, when known. */
  line?: number;
  /** 1-based column in the source file, when known. */
  column?: number;
  /** The file the issue was found in, when known. */
  file?: string;
  /** Short machine id of the rule that found it, e.g. `unknown-key`, `required`, `type`, `enum`. */
  rule?: string;
}

/**
 * One step of a path into a parsed document: an object key or an array index.
 * @public
 */
export type PathSegment = string | number;

function escapeSegment(segment: PathSegment): string {
  const text = String(segment);
  if (text.indexOf('~') === -1 && text.indexOf('/') === -1) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(text: string): string {
  if (text.indexOf('~') === -1) return text;
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Builds a JSON pointer from path segments: `['schema', 0, 'a/b']` → `/schema/0/a~1b`.
 * @public
 */
export function toJsonPointer(segments: readonly PathSegment[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapeSegment(segment)}`;
  return pointer;
}

/**
 * Splits a JSON pointer into its (unescaped) segments: `/schema/0/a~1b` → `['schema', '0', 'a/b']`.
 * The root pointer `""` gives no segments. Segments stay strings: whether `0` is an index
 * depends on the value the pointer is applied to.
 * @public
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new TypeError(
      `"${pointer}" is not a JSON pointer: a pointer is empty or starts with "/"`,
    );
  }
  return pointer.slice(1).split('/').map(unescapeSegment);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Writes path segments the way a person reads them: `['schema', 0, 'properties', 2]` →
 * `schema[0].properties[2]`. The root is written `the document root`.
 * @public
 */
export function formatPath(segments: readonly PathSegment[]): string {
  if (segments.length === 0) return 'the document root';
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * Writes an issue on one line, the way compilers do:
 * `orders.odcs.yaml:12:7 error [unknown-key] unknown key ... (at /schema/0)`.
 * @public
 */
export function formatIssue(issue: ContractIssue): string {
  let where = issue.file ?? '';
  if (issue.line !== undefined) {
    where += `${where ? ':' : 'line '}${issue.line}`;
    if (issue.column !== undefined) where += `:${issue.column}`;
  }
  const rule = issue.rule ? ` [${issue.rule}]` : '';
  const at = issue.path ? ` (at ${issue.path})` : '';
  return `${where ? `${where} ` : ''}${issue.severity}${rule} ${
    issue.message
  }${at}`;
}

/**
 * True when at least one issue is an error (warnings alone leave an input usable).
 * @public
 */
export function hasErrors(issues: readonly ContractIssue[]): boolean {
  return issues.some(issue => issue.severity === 'error');
}
