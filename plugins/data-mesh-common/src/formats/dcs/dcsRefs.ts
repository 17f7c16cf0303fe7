import type { PathSegment } from '../../issues';
import type { ConversionTrace } from '../conversionTrace';
import { isRecord } from '../../parsedValues';

const LOCAL_DEFINITION = '#/definitions/';
/** Attributes that describe a definition itself, not the fields that use it. */
const DEFINITION_ONLY_KEYS = new Set(['id', 'name', 'domain']);
const MAX_REF_DEPTH = 16;

/**
 * A DCS field with its `$ref` resolved: the attributes of the referenced definition, then the
 * field's own attributes, which win. The `$ref` itself stays on the field, so the converted
 * property still says which definition it came from. Definitions may reference definitions.
 *
 * Only local references (`#/definitions/<id>`) are resolved; an external one (a URL or a
 * file) is kept as written, with a warning, because the reader fetches nothing.
 */
export function resolveDcsRef(
  field: Record<string, unknown>,
  definitions: Record<string, unknown>,
  source: readonly PathSegment[],
  trace: ConversionTrace,
): Record<string, unknown> {
  let resolved = field;
  const seen = new Set<string>();
  let ref = field.$ref;
  while (typeof ref === 'string') {
    if (!ref.startsWith(LOCAL_DEFINITION)) {
      trace.warn(
        [...source, '$ref'],
        'external-ref',
        `$ref "${ref}" points outside this file; external definitions are not fetched, so the field keeps only the attributes written here. Copy the definition into "definitions" to have it applied.`,
      );
      return resolved;
    }
    const id = ref.slice(LOCAL_DEFINITION.length);
    if (seen.has(id) || seen.size >= MAX_REF_DEPTH) {
      trace.error(
        [...source, '$ref'],
        'ref-cycle',
        `$ref "${ref}" leads back to itself through other definitions; break the cycle in "definitions".`,
      );
      return resolved;
    }
    seen.add(id);
    const definition = definitions[id];
    if (!isRecord(definition)) {
      trace.error(
        [...source, '$ref'],
        'unresolved-ref',
        `$ref "${ref}" names no definition: "definitions" has no "${id}". Add it there or fix the reference.`,
      );
      return resolved;
    }
    const inherited: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(definition)) {
      if (!DEFINITION_ONLY_KEYS.has(key) && key !== '$ref')
        inherited[key] = value;
    }
    resolved = { ...inherited, ...resolved, $ref: field.$ref };
    ref = definition.$ref;
  }
  return resolved;
}
