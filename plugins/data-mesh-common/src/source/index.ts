export { parseSource } from './parseSource';
export type {
  ParseSourceOptions,
  SourceDocument,
  SourceFile,
  SourceFormat,
} from './parseSource';
export { DEFAULT_SOURCE_LIMITS } from './limits';
export type { SourceLimits } from './limits';
export type { LocateTarget, SourcePosition } from './locate';
