import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
  Pair,
} from 'yaml';
import { parseJsonPointer, PathSegment } from '../issues';

/**
 * A 1-based line and column in a source file.
 * @public
 */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Which end of a `key: value` pair a position should point at: the value (default), or the
 * key, which is where a person looks for an unknown or misspelt key.
 * @public
 */
export type LocateTarget = 'value' | 'key';

function keyMatches(pair: Pair, segment: string): boolean {
  const key = pair.key;
  if (isScalar(key)) return String(key.value) === segment;
  return key !== null && key !== undefined && String(key) === segment;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function isEmpty(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  const range = (node as Node).range;
  return !range || (isScalar(node) && range[0] === range[1]);
}

/**
 * Finds the source offset of the node at `path` in a parsed YAML document, following
 * aliases to the node they repeat. Walks the path once, without recursion.
 */
export function locateOffset(
  doc: Document.Parsed,
  path: string | readonly PathSegment[],
  target: LocateTarget,
): number | undefined {
  const segments = typeof path === 'string' ? parseJsonPointer(path) : path;
  let node: unknown = doc.contents;
  let keyOffset: number | undefined;
  for (let i = 0; i < segments.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = String(segments[i]);
    keyOffset = undefined;
    if (isMap(node)) {
      const pair = node.items.find(item => keyMatches(item, segment));
      if (!pair) return undefined;
      keyOffset = rangeStart(pair.key);
      node = pair.value;
      // `key:` with no value: point at the key, the only thing written.
      if (isEmpty(node)) return keyOffset;
    } else if (isSeq(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node.items[Number(segment)];
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  if (target === 'key' && keyOffset !== undefined) return keyOffset;
  return rangeStart(node);
}

/** Turns an offset into a 1-based line and column. */
export function positionOf(
  lineCounter: LineCounter,
  offset: number,
): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}
