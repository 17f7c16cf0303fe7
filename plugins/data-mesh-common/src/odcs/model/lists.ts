/** The standard's lists of names, as values the validator checks against. */
export { ODCS_API_VERSIONS } from './contract';
export {
  ODCS_INTEGER_FORMATS,
  ODCS_NUMBER_FORMATS,
  ODCS_VECTOR_DISTANCE_METRICS,
  ODCS_VECTOR_ELEMENT_TYPES,
} from './logicalTypes';
export {
  ODCS_QUALITY_DIMENSIONS,
  ODCS_QUALITY_METRICS,
  ODCS_QUALITY_OPERATORS,
  ODCS_QUALITY_TYPES,
} from './quality';
export { ODCS_LOGICAL_TYPES, ODCS_SEMANTIC_TYPES } from './schema';
export { ODCS_SERVER_TYPES } from './servers';
