export {
  DATA_PRODUCT_ANNOTATIONS,
  DATA_PRODUCT_KINDS,
  DATA_PRODUCT_TYPE,
  PROCESSED_ANNOTATIONS,
  RELATION_CONSUMES_DATA_FROM,
  RELATION_PROVIDES_DATA_TO,
} from './constants';
export type { DataProductKind } from './constants';
export {
  isDataProductEntity,
  readDataProductSpec,
  upstreamProductRef,
} from './dataProductSpec';
export type { DataProductInputPort, DataProductSpec } from './dataProductSpec';
export {
  SUMMARY_LIMITS,
  summarizeContract,
  summaryFieldNames,
} from './contractSummary';
export type {
  ContractFieldSummary,
  ContractObjectSummary,
  ContractSummary,
  DataProductOutputPort,
} from './contractSummary';
export { contractSearchText } from './searchText';
