import { PathSegment, parseJsonPointer, toJsonPointer } from '../issues';
import { IssueLog } from './issueLog';

/**
 * What a converter records while it builds an ODCS contract from another format: where each
 * converted part came from in the source, and what it noticed on the way (with SOURCE paths).
 */
export class ConversionTrace extends IssueLog {
  readonly origins = new Map<string, string>();

  /** Records that the converted value at `target` comes from the source value at `source`. */
  link(target: readonly PathSegment[], source: readonly PathSegment[]): void {
    this.origins.set(toJsonPointer(target), toJsonPointer(source));
  }
}

/**
 * The source pointer of the closest converted ancestor of `target` (itself included) that a
 * converter linked, or undefined when none was.
 */
export function originOf(
  origins: ReadonlyMap<string, string>,
  target: string,
): string | undefined {
  const segments = parseJsonPointer(target);
  for (let length = segments.length; length >= 0; length--) {
    const found = origins.get(toJsonPointer(segments.slice(0, length)));
    if (found !== undefined) return found;
  }
  return undefined;
}
