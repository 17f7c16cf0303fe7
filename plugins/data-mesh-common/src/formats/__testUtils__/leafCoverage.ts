import { toOdcsSlaValue } from '../slaValue';

/** A scalar of a source document and where it is. */
export interface SourceLeaf {
  path: string;
  value: string | number | boolean | null;
}

/** Every scalar of a parsed document, with its JSON-pointer-like path. */
export function leavesOf(value: unknown, path = ''): SourceLeaf[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => leavesOf(item, `${path}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      leavesOf(item, `${path}/${key}`),
    );
  }
  return [{ path, value: value as SourceLeaf['value'] }];
}

function* nodesOf(value: unknown): Generator<unknown> {
  yield value;
  if (Array.isArray(value)) for (const item of value) yield* nodesOf(item);
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) yield* nodesOf(item);
  }
}

/**
 * The source leaves that appear nowhere in the converted document. A leaf appears when the
 * converted document holds the same scalar (or a comma-separated list that holds it, as an
 * SLA `element` does), or, for an SLA text such as `25h` or `99.9%`, an object whose
 * `value` and `unit` are what the text reads as.
 */
export function missingLeaves(
  source: unknown,
  converted: unknown,
): SourceLeaf[] {
  const scalars = new Set<unknown>();
  const slaValues = new Set<string>();
  for (const node of nodesOf(converted)) {
    if (typeof node === 'string' && node.includes(',')) {
      for (const part of node.split(',')) scalars.add(part);
    }
    if (node === null || typeof node !== 'object') scalars.add(node);
    else if (!Array.isArray(node) && 'value' in node && 'unit' in node) {
      const { value, unit } = node as { value: unknown; unit: unknown };
      slaValues.add(`${value} ${unit}`);
    }
  }
  return leavesOf(source).filter(leaf => {
    if (scalars.has(leaf.value)) return false;
    if (typeof leaf.value === 'string') {
      const { value, unit } = toOdcsSlaValue(leaf.value);
      if (unit !== undefined && slaValues.has(`${value} ${unit}`)) return false;
    }
    return true;
  });
}
