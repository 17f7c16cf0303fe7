import type {
  OdcsAuthoritativeDefinition,
  OdcsCustomProperty,
  OdcsPropertyRelationship,
  OdcsScalar,
  OdcsSchemaRelationship,
  OdcsStableId,
} from './common';
import type { OdcsContext } from './fundamentals';
import type { OdcsLogicalTypeOptions } from './logicalTypes';
import type { OdcsQualityRule } from './quality';

/**
 * The logical types of a property. `map` and `vector` are v3.2 additions.
 * @public
 */
export const ODCS_LOGICAL_TYPES = [
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
  'map',
  'vector',
] as const;

/**
 * One of {@link ODCS_LOGICAL_TYPES}.
 * @public
 */
export type OdcsLogicalType = (typeof ODCS_LOGICAL_TYPES)[number];

/**
 * The semantic roles of a property (v3.2): a physical `column` (the default), an aggregated
 * `measure` (its expression in `transformLogic`), or a `dimension` to group and filter by.
 * @public
 */
export const ODCS_SEMANTIC_TYPES = ['column', 'measure', 'dimension'] as const;

/**
 * One of {@link ODCS_SEMANTIC_TYPES}.
 * @public
 */
export type OdcsSemanticType = (typeof ODCS_SEMANTIC_TYPES)[number];

/**
 * An alternative name for an element, for catalogs and natural-language tools (v3.2).
 * @public
 */
export interface OdcsSynonym {
  id?: OdcsStableId;
  synonym: string;
  description?: string;
  /** BCP 47 language tag, e.g. `fr-FR`, when the synonym is language-specific. */
  locale?: string;
  /** Where the synonym comes from, e.g. `glossary`. */
  source?: string;
  /** e.g. `active`, `deprecated`. */
  status?: string;
  customProperties?: OdcsCustomProperty[];
}

/**
 * One allowed value of a property (v3.2 `enum`).
 * @public
 */
export interface OdcsEnumValue {
  value: OdcsScalar;
  /** Label for people, e.g. in a UI. */
  label?: string;
  id?: OdcsStableId;
  description?: string;
  customProperties?: OdcsCustomProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  tags?: string[];
}

/**
 * What schema objects and properties have in common.
 * @public
 */
export interface OdcsSchemaElement {
  /** Stable id, used by fully qualified references and by diffs to follow renames. */
  id?: OdcsStableId;
  name?: string;
  /** Physical type in the data source: `table`, `view`, `topic`, or e.g. `VARCHAR(2)` for a column. */
  physicalType?: string;
  description?: string;
  businessName?: string;
  /** The element should not be used in new work (v3.2). */
  deprecated?: boolean;
  /** Alternative names (v3.2). */
  synonyms?: OdcsSynonym[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  tags?: string[];
  customProperties?: OdcsCustomProperty[];
}

/**
 * A table, view, topic, file... of the contract (an entry of `schema`).
 * @public
 */
export interface OdcsSchemaObject extends OdcsSchemaElement {
  name: string;
  logicalType?: 'object';
  physicalName?: string;
  /** Granularity of the data, e.g. "one row per order line". */
  dataGranularityDescription?: string;
  properties?: OdcsSchemaProperty[];
  relationships?: OdcsSchemaRelationship[];
  quality?: OdcsQualityRule[];
  /** Guidance for AI and semantic tools (v3.2). */
  context?: OdcsContext;
}

/**
 * The key and value definitions of a `map` property (v3.2).
 * @public
 */
export interface OdcsMapDefinition {
  key: OdcsItemProperty;
  value: OdcsItemProperty;
}

/**
 * What every property (column, field, array item, map key or value) can say about itself.
 * @public
 */
export interface OdcsPropertyBase extends OdcsSchemaElement {
  logicalType?: OdcsLogicalType;
  /** Constraints of the logical type; which keys apply depends on `logicalType`. */
  logicalTypeOptions?: OdcsLogicalTypeOptions;
  physicalName?: string;
  /** The value may not be null. Default false. */
  required?: boolean;
  /** Values are unique. Default false. */
  unique?: boolean;
  primaryKey?: boolean;
  /** 1-based position in a composite primary key; -1 (the default) when not part of one. */
  primaryKeyPosition?: number;
  partitioned?: boolean;
  /** 1-based position among the partition keys; -1 (the default) when not partitioned. */
  partitionKeyPosition?: number;
  /** e.g. `public`, `internal`, `confidential`, `restricted`; free text. */
  classification?: string;
  /** Name of the element that holds this value encrypted. */
  encryptedName?: string;
  /** Objects of the data source the value is derived from. */
  transformSourceObjects?: string[];
  /** The transformation, e.g. SQL; for a `measure`, its aggregation expression. */
  transformLogic?: string;
  /** The transformation in plain words. */
  transformDescription?: string;
  /** Sample values. */
  examples?: unknown[];
  /** A critical data element (CDE). Default false. */
  criticalDataElement?: boolean;
  relationships?: OdcsPropertyRelationship[];
  quality?: OdcsQualityRule[];
  /** Nested properties of an `object` property (and of array items). */
  properties?: OdcsSchemaProperty[];
  /** The item definition of an `array` property. */
  items?: OdcsItemProperty;
  /** Semantic role (v3.2). */
  semanticType?: OdcsSemanticType;
  /** Allowed values (v3.2). */
  enum?: OdcsEnumValue[];
  /** Key and value of a `map` property (v3.2). */
  map?: OdcsMapDefinition;
}

/**
 * A named property of a schema object or of an object property.
 * @public
 */
export interface OdcsSchemaProperty extends OdcsPropertyBase {
  name: string;
}

/**
 * The item of an array, or the key or value of a map: a property whose name is optional.
 * @public
 */
export type OdcsItemProperty = OdcsPropertyBase;
