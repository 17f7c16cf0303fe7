import type { PathSegment } from '../issues';
import type { IssueLog } from './issueLog';

/**
 * Checks the keys that name and version a contract (`info.title`, `metadata.version`...):
 * each of `keys` of the mapping at `path` must be there (`isMissing` says what counts as
 * absent), and should be written as text, since YAML reads an unquoted `1.0` as a number.
 */
export function checkTextKeys(
  log: IssueLog,
  mapping: Record<string, unknown>,
  path: readonly PathSegment[],
  keys: readonly string[],
  isMissing: (value: unknown) => boolean = value => value === undefined,
): void {
  const label = path.join('.');
  for (const key of keys) {
    const value = mapping[key];
    if (isMissing(value)) {
      log.error(path, 'required', `${label} needs "${key}".`);
    } else if (typeof value !== 'string') {
      log.warn(
        [...path, key],
        'type',
        `${label}.${key} should be text; quote it ("${value}") so YAML does not read it as a number.`,
      );
    }
  }
}
