export type {
  SloEngine,
  SloEngineAdmission,
  SloEngineGrant,
  SloEngineProduct,
  SloEngineRequest,
  SloEngineServer,
} from './SloEngine';
export {
  dataMeshSloEnginesExtensionPoint,
  type DataMeshSloEnginesExtensionPoint,
} from './extensionPoint';
export type {
  CheckLimits,
  DescribedSchema,
  EngineSession,
  MeasuredValue,
} from './types';
export { measureDrift, type DriftDetails } from './measureDrift';
export {
  CheckAbortedError,
  CheckError,
  CheckTimeoutError,
  categoryText,
  checkContext,
  duration,
  engineDetail,
  failedMeasurement,
  failureCategory,
  failureMessage,
  messageOf,
  safeMessage,
  type FailureCategorizer,
  type FailureCategory,
  type FailureContext,
} from './engineErrors';
export { measureByQuery, type QueryRunner } from './measureByQuery';
export {
  contractRuleQuery,
  ident,
  literal,
  measureQuery,
  scalarQuery,
  type CheckQuery,
  type SqlDialect,
} from './checkQueries';
export { singleSelectProblem } from './singleSelect';
export { runWithTimeout, toNumber } from './runWithTimeout';
export {
  readServerScope,
  serverServesProduct,
  type ServerScope,
} from './serverScope';
