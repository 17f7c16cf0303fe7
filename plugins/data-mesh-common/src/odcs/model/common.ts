/**
 * Building blocks shared by every section of an ODCS contract.
 */

/**
 * A stable technical identifier, unique within its containing array, that references and
 * diffs can rely on across versions: letters, digits, `_` and `-`.
 * @public
 */
export type OdcsStableId = string;

/**
 * A key/value pair for anything the standard does not define (`customProperties`).
 * @public
 */
export interface OdcsCustomProperty {
  id?: OdcsStableId;
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
  id?: OdcsStableId;
  url: string;
  /** e.g. `businessDefinition`, `canonicalUrl`, `glossary`, `implementation`, `tutorial`. */
  type: string;
  description?: string;
}

/**
 * The fields that most ODCS objects carry for extension and documentation.
 * @public
 */
export interface OdcsExtensible {
  customProperties?: OdcsCustomProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
}

/**
 * The only relationship type the standard defines.
 * @public
 */
export type OdcsRelationshipType = 'foreignKey';

/**
 * A reference to a property: shorthand `table.column`, or fully qualified by ids
 * `schema/<objectId>/properties/<propertyId>`, optionally prefixed by another contract's
 * file (`other.yaml#schema/...`).
 * @public
 */
export type OdcsPropertyReference = string;

/**
 * A relationship (foreign key) declared on a schema object: both ends are named, as single
 * references or as lists of the same length for composite keys.
 * @public
 */
export interface OdcsSchemaRelationship {
  /** Stable id of the relationship (v3.2). */
  id?: string;
  type?: OdcsRelationshipType;
  from: OdcsPropertyReference | OdcsPropertyReference[];
  to: OdcsPropertyReference | OdcsPropertyReference[];
  customProperties?: OdcsCustomProperty[];
}

/**
 * A relationship declared on a property: `from` is the property itself and is not written.
 * @public
 */
export interface OdcsPropertyRelationship {
  /** Stable id of the relationship (v3.2). */
  id?: string;
  type?: OdcsRelationshipType;
  to: OdcsPropertyReference | OdcsPropertyReference[];
  customProperties?: OdcsCustomProperty[];
}

/**
 * A value that is not a list or an object.
 * @public
 */
export type OdcsScalar = string | number | boolean | null;
