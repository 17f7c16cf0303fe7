import { ChangeKind, ContractChange, VersionBump } from './types';

/** Collects classified changes while two contracts are walked. */
export class ChangeLog {
  readonly changes: ContractChange[] = [];

  /** A change that can break a consumer that relied on the old promise (needs a major version). */
  breaking(
    kind: ChangeKind,
    path: string,
    message: string,
    before?: unknown,
    after?: unknown,
  ) {
    this.add(kind, path, 'breaking', message, 'major', before, after);
  }

  /** A change consumers should look at, that should not break a careful one (needs a minor version). */
  warning(
    kind: ChangeKind,
    path: string,
    message: string,
    before?: unknown,
    after?: unknown,
  ) {
    this.add(kind, path, 'warning', message, 'minor', before, after);
  }

  /** An addition or a stronger promise (`minor`), or documentation (`patch`). */
  info(
    kind: ChangeKind,
    path: string,
    message: string,
    bump: 'minor' | 'patch',
    before?: unknown,
    after?: unknown,
  ) {
    this.add(kind, path, 'info', message, bump, before, after);
  }

  private add(
    kind: ChangeKind,
    path: string,
    severity: ContractChange['severity'],
    message: string,
    bump: VersionBump,
    before: unknown,
    after: unknown,
  ) {
    const change: ContractChange = { path, kind, severity, message, bump };
    if (before !== undefined && isShort(before)) change.before = before;
    if (after !== undefined && isShort(after)) change.after = after;
    this.changes.push(change);
  }
}

function isShort(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return (
    Array.isArray(value) &&
    value.length <= 20 &&
    value.every(v => typeof v !== 'object')
  );
}

/** Shows a value inside a message: strings quoted, lists bracketed, absent as "(none)". */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Joins a path segment, quoting names that contain the separator. */
export function changePath(base: string, ...segments: string[]): string {
  let path = base;
  for (const segment of segments) {
    const part = /[.\s[\]]/.test(segment)
      ? `[${JSON.stringify(segment)}]`
      : segment;
    if (!path) path = part;
    else path = part.startsWith('[') ? `${path}${part}` : `${path}.${part}`;
  }
  return path;
}

/** Deep equality for plain JSON-like values, ignoring key order. */
export function sameContractValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== typeof b ||
    a === null ||
    b === null ||
    typeof a !== 'object'
  ) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return (
      a.length === list.length &&
      a.every((item, i) => sameContractValue(item, list[i]))
    );
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter(k => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter(k => y[k] !== undefined).length)
    return false;
  return keys.every(k => sameContractValue(x[k], y[k]));
}
