/**
 * The data-mesh suite's shared core: the ODCS contract model, source parsing with
 * positions, validation, and the issue values every package reports through.
 *
 * @packageDocumentation
 */

export type { ContractIssue, IssueSeverity, PathSegment } from './issues';
export {
  formatIssue,
  formatPath,
  hasErrors,
  parseJsonPointer,
  toJsonPointer,
} from './issues';

export { DEFAULT_SOURCE_LIMITS, parseSource } from './source';
export type {
  LocateTarget,
  ParseSourceOptions,
  SourceDocument,
  SourceFile,
  SourceFormat,
  SourceLimits,
  SourcePosition,
} from './source';

export * from './odcs/model';

export {
  isPersonalData,
  personalDataReason,
  SENSITIVE_CLASSIFICATIONS,
} from './pii';
export type { PersonalDataMarkers, PersonalDataReason } from './pii';

export * from './api';

export * from './entity';

export * from './governance';

export { diffContracts } from './diff/diffContracts';
export { checkVersionBump, compareVersions, parseVersion } from './diff/semver';
export type { SemanticVersion } from './diff/semver';
export type {
  ChangeKind,
  ChangeSeverity,
  ContractChange,
  ContractDiff,
  VersionBump,
} from './diff/types';

export { impactOf, lineageFromEntities } from './impact/impactOf';
export type {
  AffectedProduct,
  EntityWithRelations,
  ImpactOptions,
  ImpactReport,
  LineageEdge,
} from './impact/impactOf';

export { validateOdcs } from './odcs/validate';
export { serializeOdcs } from './odcs/serialize';
export type { SerializeOdcsOptions } from './odcs/serialize';

export * from './formats';
export * from './odps';
export { readContract } from './read';
export type { ContractReading, ReadContractOptions } from './read';

export * from './slo';
export * from './lineage';
export * from './permissions';
export * from './access';

export * from './draft';

export * from './consumers';
