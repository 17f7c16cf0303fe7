/**
 * Building blocks shared by every section of an ODCS contract. Ids (`id`) are stable
 * technical identifiers, unique within their array, that references and diffs can rely on
 * across versions: letters, digits, `_` and `-`.
 */

/**
 * A key/value pair for anything the standard does not define (`customProperties`).
 * @public
 */
export interface OdcsCustomProperty {
  id?: string;
  /** Name of the key, in camel case like the standard's own keys. */
  property: string;
  /** Any value: scalar, list or object. */
  value: unknown;
  description?: string;
  /** Vendor or system the property belongs to, e.g. `soda` (v3.2). */
  vendor?: string;
}

/**
 * A link to a source that defines or explains the element: a glossary entry, a canonical
 * URL, an implementation, a tutorial...
 * @public
 */
export interface OdcsAuthoritativeDefinition {
  id?: string;
  url: string;
  /** e.g. `businessDefinition`, `canonicalUrl`, `glossary`, `implementation`, `tutorial`. */
  type: string;
  description?: string;
}
