export { parseSource } from './parseSource';
export type { SourceDocument, SourceFile } from './parseSource';
export { DEFAULT_SOURCE_LIMITS } from './limits';
export type { SourceLimits } from './limits';
