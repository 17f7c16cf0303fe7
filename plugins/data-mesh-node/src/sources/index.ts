export {
  describeSourceLocation,
  isAbsoluteUrl,
  resolveSourceLocation,
  scmResolveUrl,
  SourceLocationError,
  stringifySourceLocation,
} from './sourceLocation';
export type { ResolveUrl, SourceBase, SourceLocation } from './sourceLocation';
export {
  MAX_SOURCE_BYTES,
  SourceReader,
  SourceReadError,
} from './sourceReader';
export type { SourceRead, SourceTexts, SourceUrlReader } from './sourceReader';
export { readProductContract } from './readProductContract';
export type {
  ProductContractEntity,
  ProductContractReading,
  ReadProductContractOptions,
} from './readProductContract';
export {
  ContractParserThreads,
  defaultContractParserThreads,
  inThreadContractParser,
} from './contractParsers';
export type { ContractParser } from './contractParsers';
