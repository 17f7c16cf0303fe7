import type { ContractIssue, PathSegment } from '../issues';
import { parseJsonPointer } from '../issues';
import type { LocateTarget } from './locate';
import type { SourceDocument } from './parseSource';

/**
 * The issue at its place in the source: with the document's file, and the line and column
 * of its path, or of the path's nearest ancestor written in the file (a value reached
 * through an alias, a key a converter added). `target` says which end of a `key: value` pair
 * to point at when the path itself is written; an ancestor is shown at its value.
 */
export function placeIssue(
  issue: ContractIssue,
  document: SourceDocument,
  target: LocateTarget = 'value',
): ContractIssue {
  const placed: ContractIssue = { ...issue };
  let segments: PathSegment[] = parseJsonPointer(issue.path);
  let end = target;
  for (;;) {
    const position = document.locate(segments, end);
    if (position) {
      placed.line = position.line;
      placed.column = position.column;
      break;
    }
    if (segments.length === 0) break;
    segments = segments.slice(0, -1);
    end = 'value';
  }
  if (document.file !== undefined) placed.file = document.file;
  return placed;
}
