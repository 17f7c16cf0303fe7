import { everyOf } from './everyOf';
/**
 * The `logicalTypeOptions` the standard defines for each logical type.
 */

/**
 * The options of each logical type. `boolean` and `map` define none, and accept any keys.
 * Bounds are numbers for numeric types and strings for dates and times.
 * @public
 */
export interface OdcsLogicalTypeOptionsByType {
  string: {
    minLength?: number;
    maxLength?: number;
    /** ECMA-262 regular expression the value matches. */
    pattern?: string;
    /** e.g. `email`, `uuid`, `uri`, `hostname`, `ipv4`, `password`, `byte`, `binary`. */
    format?: string;
  };
  date: {
    /** Java DateTimeFormatter pattern, e.g. `yyyy-MM-dd`. */
    format?: string;
    minimum?: string;
    maximum?: string;
    exclusiveMinimum?: string;
    exclusiveMaximum?: string;
  };
  timestamp: OdcsLogicalTypeOptionsByType['date'] & {
    /** Whether values carry their timezone. */
    timezone?: boolean;
    /** Timezone of values that carry none. Default `Etc/UTC`. */
    defaultTimezone?: string;
  };
  time: OdcsLogicalTypeOptionsByType['timestamp'];
  integer: {
    /** Values are multiples of this (strictly positive) number. */
    multipleOf?: number;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
    /** The width, named as Rust names its integer types. */
    format?:
      | 'i8'
      | 'i16'
      | 'i32'
      | 'i64'
      | 'i128'
      | 'u8'
      | 'u16'
      | 'u32'
      | 'u64'
      | 'u128';
  };
  number: Omit<OdcsLogicalTypeOptionsByType['integer'], 'format'> & {
    /** The float width. */
    format?: 'f32' | 'f64';
  };
  object: {
    minProperties?: number;
    maxProperties?: number;
    /** Names of the nested properties that must be present. */
    required?: string[];
  };
  array: {
    minItems?: number;
    maxItems?: number;
    uniqueItems?: boolean;
  };
  /** An embedding of fixed length (v3.2). */
  vector: {
    /** Length of the vector, at least 1. */
    dimensions: number;
    elementType?:
      | 'bfloat16'
      | 'binary'
      | 'float16'
      | 'float32'
      | 'float64'
      | 'int8'
      | 'uint8';
    distanceMetric?:
      | 'cosine'
      | 'dotProduct'
      | 'euclidean'
      | 'hamming'
      | 'manhattan';
    embeddingModel?: string;
    embeddingModelVersion?: string;
    /** Vectors are L2-normalised. */
    normalized?: boolean;
  };
  boolean: Record<string, unknown>;
  map: Record<string, unknown>;
}

/**
 * `logicalTypeOptions` as a property holds it: any of the per-type options (which ones a
 * valid contract may use depends on the property's `logicalType`, see
 * {@link OdcsLogicalTypeOptionsByType}). Bounds are numbers for numeric types and strings
 * for dates and times.
 * @public
 */
export type OdcsLogicalTypeOptions = Omit<
  OdcsLogicalTypeOptionsByType['string'],
  'format'
> &
  Omit<
    OdcsLogicalTypeOptionsByType['timestamp'],
    keyof OdcsLogicalTypeOptionsByType['date']
  > &
  OdcsLogicalTypeOptionsByType['object'] &
  OdcsLogicalTypeOptionsByType['array'] &
  Partial<OdcsLogicalTypeOptionsByType['vector']> & {
    format?: string;
    multipleOf?: number;
    minimum?: number | string;
    maximum?: number | string;
    exclusiveMinimum?: number | string;
    exclusiveMaximum?: number | string;
    [key: string]: unknown;
  };

type Options = OdcsLogicalTypeOptionsByType;

/** Integer widths. */
export const ODCS_INTEGER_FORMATS = everyOf<
  NonNullable<Options['integer']['format']>
>()([
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
] as const);

/** Float widths. */
export const ODCS_NUMBER_FORMATS = everyOf<
  NonNullable<Options['number']['format']>
>()(['f32', 'f64'] as const);

/** Element types of a vector (v3.2). */
export const ODCS_VECTOR_ELEMENT_TYPES = everyOf<
  NonNullable<Options['vector']['elementType']>
>()([
  'bfloat16',
  'binary',
  'float16',
  'float32',
  'float64',
  'int8',
  'uint8',
] as const);

/** Distance metrics of a vector (v3.2). */
export const ODCS_VECTOR_DISTANCE_METRICS = everyOf<
  NonNullable<Options['vector']['distanceMetric']>
>()(['cosine', 'dotProduct', 'euclidean', 'hamming', 'manhattan'] as const);
