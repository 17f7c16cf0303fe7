/**
 * Where in a policy file a CEL error is: the expression's own line and column added to where
 * the expression is written.
 */
import type { PathSegment } from '../issues';
import type { CelCompileError } from './cel';

/** Where a value is written in its source file, for issues with line and column. */
export type Locate = (
  path: readonly PathSegment[],
) => { line: number; column: number } | undefined;

/**
 * Places a CEL error in the file: after the `|` (or `>`) line of a block scalar, or after an
 * opening quote, or at the value itself. Undefined when the file's positions are unknown.
 */
export function placeInFile(
  file: { locate?: Locate; text?: string },
  path: readonly PathSegment[],
  error: CelCompileError,
): { line: number; column: number } | undefined {
  const start = file.locate?.(path);
  if (!start || file.text === undefined) return start;
  const lines = file.text.split('\n');
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
