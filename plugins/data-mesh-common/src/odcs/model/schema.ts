import { everyOf } from './everyOf';
import type { OdcsAuthoritativeDefinition, OdcsCustomProperty } from './common';
import type { OdcsLogicalTypeOptions } from './logicalTypes';
import type { OdcsQualityRule } from './quality';
import type { OdcsContract } from './contract';

/**
 * What schema objects and properties have in common.
 * @public
 */
export interface OdcsSchemaElement {
  /** Stable id, used by fully qualified references and by diffs to follow renames. */
  id?: string;
  name?: string;
  /** Physical type in the data source: `table`, `view`, `topic`, or e.g. `VARCHAR(2)` for a column. */
  physicalType?: string;
  description?: string;
  businessName?: string;
  /** The element should not be used in new work (v3.2). */
  deprecated?: boolean;
  /** Alternative names, for catalogs and natural-language tools (v3.2). */
  synonyms?: Array<{
    id?: string;
    synonym: string;
    description?: string;
    /** BCP 47 language tag, e.g. `fr-FR`, when the synonym is language-specific. */
    locale?: string;
    /** Where the synonym comes from, e.g. `glossary`. */
    source?: string;
    /** e.g. `active`, `deprecated`. */
    status?: string;
    customProperties?: OdcsCustomProperty[];
  }>;
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
  /** Foreign keys between properties, both ends named as in a property's `relationships`. */
  relationships?: Array<
    NonNullable<OdcsPropertyBase['relationships']>[number] & {
      from: string | string[];
    }
  >;
  quality?: OdcsQualityRule[];
  /** Guidance for AI and semantic tools (v3.2), as the contract's `context`. */
  context?: OdcsContract['context'];
}

/**
 * What every property (column, field, array item, map key or value) can say about itself.
 * Array items and map keys and values are properties whose name is optional.
 * @public
 */
export interface OdcsPropertyBase extends OdcsSchemaElement {
  logicalType?:
    | 'string'
    | 'date'
    | 'timestamp'
    | 'time'
    | 'number'
    | 'integer'
    | 'object'
    | 'array'
    | 'boolean'
    | 'map'
    | 'vector';
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
  /**
   * Foreign keys from this property. `to` references the other end: shorthand
   * `table.column`, or fully qualified by ids `schema/<objectId>/properties/<propertyId>`,
   * optionally prefixed by another contract's file (`other.yaml#schema/...`); a list of the
   * same length for composite keys.
   */
  relationships?: Array<{
    /** Stable id of the relationship (v3.2). */
    id?: string;
    /** The only type the standard defines. */
    type?: 'foreignKey';
    to: string | string[];
    customProperties?: OdcsCustomProperty[];
  }>;
  quality?: OdcsQualityRule[];
  /** Nested properties of an `object` property (and of array items). */
  properties?: OdcsSchemaProperty[];
  /** The item definition of an `array` property. */
  items?: OdcsPropertyBase;
  /**
   * Semantic role (v3.2): a physical `column` (the default), an aggregated `measure` (its
   * expression in `transformLogic`), or a `dimension` to group and filter by.
   */
  semanticType?: 'column' | 'measure' | 'dimension';
  /** Allowed values (v3.2). */
  enum?: Array<{
    value: string | number | boolean | null;
    /** Label for people, e.g. in a UI. */
    label?: string;
    id?: string;
    description?: string;
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    tags?: string[];
  }>;
  /** Key and value of a `map` property (v3.2). */
  map?: { key: OdcsPropertyBase; value: OdcsPropertyBase };
}

/**
 * A named property of a schema object or of an object property.
 * @public
 */
export interface OdcsSchemaProperty extends OdcsPropertyBase {
  name: string;
}

type Kind<K extends keyof OdcsPropertyBase> = NonNullable<OdcsPropertyBase[K]>;

/** Every logical type, in the standard's order. `map` and `vector` are v3.2 additions. */
export const ODCS_LOGICAL_TYPES = everyOf<Kind<'logicalType'>>()([
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
] as const);

/** Every semantic type (v3.2). */
export const ODCS_SEMANTIC_TYPES = everyOf<Kind<'semanticType'>>()([
  'column',
  'measure',
  'dimension',
] as const);
