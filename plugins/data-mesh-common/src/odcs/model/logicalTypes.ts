/**
 * The `logicalTypeOptions` the standard defines for each logical type.
 */

/** @public */
export interface OdcsStringOptions {
  minLength?: number;
  maxLength?: number;
  /** ECMA-262 regular expression the value matches. */
  pattern?: string;
  /** e.g. `email`, `uuid`, `uri`, `hostname`, `ipv4`, `password`, `byte`, `binary`. */
  format?: string;
}

/**
 * Options of `date`: bounds are written as dates, in `format` when one is given.
 * @public
 */
export interface OdcsDateOptions {
  /** Java DateTimeFormatter pattern, e.g. `yyyy-MM-dd`. */
  format?: string;
  minimum?: string;
  maximum?: string;
  exclusiveMinimum?: string;
  exclusiveMaximum?: string;
}

/**
 * Options of `timestamp` and `time`.
 * @public
 */
export interface OdcsTimestampOptions extends OdcsDateOptions {
  /** Whether values carry their timezone. */
  timezone?: boolean;
  /** Timezone of values that carry none. Default `Etc/UTC`. */
  defaultTimezone?: string;
}

/**
 * Integer widths, named as Rust names its integer types.
 * @public
 */
export const ODCS_INTEGER_FORMATS = [
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
] as const;

/**
 * Float widths.
 * @public
 */
export const ODCS_NUMBER_FORMATS = ['f32', 'f64'] as const;

/** @public */
export interface OdcsNumericOptions<Format extends string> {
  /** Values are multiples of this (strictly positive) number. */
  multipleOf?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: Format;
}

/** @public */
export type OdcsIntegerOptions = OdcsNumericOptions<
  (typeof ODCS_INTEGER_FORMATS)[number]
>;

/** @public */
export type OdcsNumberOptions = OdcsNumericOptions<
  (typeof ODCS_NUMBER_FORMATS)[number]
>;

/** @public */
export interface OdcsObjectOptions {
  minProperties?: number;
  maxProperties?: number;
  /** Names of the nested properties that must be present. */
  required?: string[];
}

/** @public */
export interface OdcsArrayOptions {
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/**
 * Element types of a vector (v3.2).
 * @public
 */
export const ODCS_VECTOR_ELEMENT_TYPES = [
  'bfloat16',
  'binary',
  'float16',
  'float32',
  'float64',
  'int8',
  'uint8',
] as const;

/**
 * Distance metrics of a vector (v3.2).
 * @public
 */
export const ODCS_VECTOR_DISTANCE_METRICS = [
  'cosine',
  'dotProduct',
  'euclidean',
  'hamming',
  'manhattan',
] as const;

/**
 * Options of `vector` (v3.2): an embedding of fixed length.
 * @public
 */
export interface OdcsVectorOptions {
  /** Length of the vector, at least 1. */
  dimensions: number;
  elementType?: (typeof ODCS_VECTOR_ELEMENT_TYPES)[number];
  distanceMetric?: (typeof ODCS_VECTOR_DISTANCE_METRICS)[number];
  embeddingModel?: string;
  embeddingModelVersion?: string;
  /** Vectors are L2-normalised. */
  normalized?: boolean;
}

/**
 * The options of each logical type. `boolean` and `map` define none, and accept any keys.
 * @public
 */
export interface OdcsLogicalTypeOptionsByType {
  string: OdcsStringOptions;
  date: OdcsDateOptions;
  timestamp: OdcsTimestampOptions;
  time: OdcsTimestampOptions;
  integer: OdcsIntegerOptions;
  number: OdcsNumberOptions;
  object: OdcsObjectOptions;
  array: OdcsArrayOptions;
  vector: OdcsVectorOptions;
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
export interface OdcsLogicalTypeOptions
  extends Omit<OdcsStringOptions, 'format'>,
    Omit<OdcsTimestampOptions, 'format' | keyof OdcsDateOptions>,
    Omit<OdcsObjectOptions, never>,
    OdcsArrayOptions,
    Partial<Omit<OdcsVectorOptions, never>> {
  format?: string;
  multipleOf?: number;
  minimum?: number | string;
  maximum?: number | string;
  exclusiveMinimum?: number | string;
  exclusiveMaximum?: number | string;
  [key: string]: unknown;
}
