/**
 * The data-mesh suite's shared core, where everything that decides lives once: the ODCS
 * contract model, reading and validating contracts in every format the suite knows, the
 * facts of a product (its reference, domain, schema objects, SLA values and quality
 * thresholds), access, governance, the breaking-change diff, SLOs, lineage and permissions.
 * It exports what the other packages of the suite and their users need; the rest is internal.
 *
 * @packageDocumentation
 */

export { CLASSIFICATION_LEVELS } from './access/classification';
export type {
  ClassificationLevel,
  ProductClassification,
} from './access/classification';
export {
  DEFAULT_ACCESS_SETTINGS,
  describeProductAccess,
  isOpenlyDiscoverable,
  mayAccess,
  principalRef,
} from './access/productAccess';
export type {
  AccessAction,
  AccessContext,
  AccessDefault,
  AccessSettings,
  Audience,
  ProductAccess,
} from './access/productAccess';
export { redactContractData } from './access/redact';
export type {
  ColumnEdge,
  LineageDirection,
  LineageEdge,
  LineageNode,
  LineageResponse,
} from './api/lineage';
export type {
  GovernanceHealth,
  SloHealth,
} from './api/products';
export type {
  BurnRateAlert,
  ErrorBudget,
  ProductHealthView,
  SloAssessment,
  SloCondition,
  SloKind,
  SloStatus,
  SloTarget,
  SloWindow,
} from './api/slo';
export type { DriftFinding } from './api/observability';
export { diffContracts } from './diff/diffContracts';
export { parseVersion } from './diff/semver';
export type { SemanticVersion } from './diff/semver';
export type {
  ChangeKind,
  ChangeSeverity,
  ContractChange,
  ContractDiff,
  VersionBump,
} from './diff/types';
export { draftObjectName } from './draft/draftContract';
export { draftDataProduct } from './draft/draftDataProduct';
export { DRAFT_CONTRACT_FILE } from './draft/draftEntity';
export { isProductName, productNameOf } from './draft/names';
export { reviseContract } from './draft/reviseContract';
export type { ContractRevision, RevisedContract } from './draft/reviseContract';
export type { DataProductDraft, DataProductDraftInput } from './draft/types';
export {
  DATA_PRODUCT_ANNOTATIONS,
  DATA_PRODUCT_TYPE,
  PROCESSED_ANNOTATIONS,
  RELATION_CONSUMES_DATA_FROM,
  RELATION_PROVIDES_DATA_TO,
} from './entity/constants';
export type { DataProductKind } from './entity/constants';
export { summarizeContract } from './entity/contractSummary';
export type {
  ContractSummary,
  DataProductOutputPort,
} from './entity/contractSummary';
export {
  isDataProductEntity,
  readDataProductSpec,
  upstreamProductRef,
} from './entity/dataProductSpec';
export type {
  DataProductInputPort,
  DataProductSpec,
} from './entity/dataProductSpec';
export { contractSearchText } from './entity/searchText';
export { productContractReferences } from './entity/contractReferences';
export { describeContractOrigin } from './formats/provenance';
export type { ContractFormat } from './formats/types';
export type { CompiledPolicy } from './governance/compilePolicy';
export type { CompiledExpression } from './governance/cel';
export type { MessageTemplate } from './governance/interpolate';
export { evaluatePolicies } from './governance/evaluatePolicies';
export { layerPolicies } from './governance/layering';
export type { PolicyLayers } from './governance/layering';
export { BUILT_IN_POLICIES } from './governance/packs/builtin';
export { parsePolicySet } from './governance/parsePolicySet';
export { layerPolicyFiles } from './governance/policyFiles';
export { entityInFile } from './governance/entityFile';
export type {
  PolicyGateFacts,
  PolicyInput,
  QualityCheckResult,
} from './governance/policyInput';
export { lineageNeighbours } from './governance/neighbours';
export type {
  MeshProduct,
  NeighbourFacts,
  ProductNeighbours,
} from './governance/neighbours';
export { policyTimeKey } from './governance/policyTimeKey';
export type { GovernedEntity } from './governance/productFacts';
export { governProduct, verdictForViewer } from './governance/productVerdict';
export type { ProductVerdict } from './governance/productVerdict';
export type {
  GovernanceVerdict,
  PolicyDefinition,
  PolicyMode,
  PolicyOutcome,
  PolicyResult,
  PolicySelector,
  PolicySet,
  PolicySeverity,
  PolicyStatus,
} from './governance/types';
export type { CompiledPolicySet } from './governance/validatePolicySet';
export { summarizeVerdict, verdictHealth } from './governance/verdictSummary';
export { impactOf, lineageFromEntities } from './impact/impactOf';
export type {
  EntityWithRelations,
  ImpactEdge,
  ImpactReport,
} from './impact/impactOf';
export { formatIssue } from './issues';
export type { ContractIssue } from './issues';
export { LineageGraph } from './lineage/LineageGraph';
export type {
  LineageEdgeInput,
  LineageNodeInput,
  LineageQuery,
} from './lineage/LineageGraph';
export {
  DatasetMatcher,
  datasetPatterns,
  datasetRef,
  filePath,
} from './lineage/datasetNames';
export type { DatasetPattern } from './lineage/datasetNames';
export { readOpenLineageEvent } from './lineage/openLineage';
export type {
  DatasetEdge,
  DatasetId,
  OpenLineageLimits,
  OpenLineageSummary,
} from './lineage/openLineage';
export type {
  OdcsAuthoritativeDefinition,
  OdcsCustomProperty,
} from './odcs/model/common';
export type {
  OdcsContract,
  OdcsSlaProperty,
  OdcsTeamMember,
} from './odcs/model/contract';
export type {
  OdcsLogicalTypeOptions,
  OdcsLogicalTypeOptionsByType,
} from './odcs/model/logicalTypes';
export { ODCS_QUALITY_OPERATORS } from './odcs/model/quality';
export type {
  OdcsQualityMetric,
  OdcsQualityOperator,
  OdcsQualityRule,
} from './odcs/model/quality';
export type {
  OdcsPropertyBase,
  OdcsSchemaElement,
  OdcsSchemaObject,
  OdcsSchemaProperty,
} from './odcs/model/schema';
export type { OdcsServer, OdcsServerConnections } from './odcs/model/servers';
export { serializeOdcs } from './odcs/serialize';
export type { OdpsProduct } from './odps/model';
export { odpsContractReferences } from './odps/portContracts';
export {
  dataMeshActionsUsePermission,
  dataMeshAccessDecidePermission,
  dataMeshLineageCreatePermission,
  dataMeshPermissions,
  dataMeshProductDiscoverPermission,
  dataMeshProductReadPermission,
  dataMeshResultsCreatePermission,
  dataMeshSloEvaluatePermission,
  dataMeshVersionCreatePermission,
} from './permissions';
export { isPersonalData } from './pii';
export { formatDuration } from './product/durations';
export { isDemoProduct } from './product/demo';
export { productDomain } from './product/productDomain';
export type { ProductDomain } from './product/productDomain';
export { parseProductRef, productRef } from './product/productRef';
export {
  meetsComparison,
  qualityComparison,
} from './product/qualityComparison';
export type { QualityComparison } from './product/qualityComparison';
export { physicalName, schemaObjects } from './product/schemaObjects';
export { schemaDrift } from './observability/schemaDrift';
export type {
  ObservedColumn,
  ObservedObject,
} from './observability/schemaDrift';
export {
  alertingOf,
  describeAlert,
  notificationSeverity,
} from './observability/alerts';
export type { SloAlertRule } from './observability/alerts';
export {
  openLineageQualityChecks,
  portalSummaryChecks,
} from './observability/inputs';
export type { ReportedCheck } from './observability/inputs';
export type { AlertCondition, AlertSeverity } from './observability/plan';
export { judgeVolume } from './observability/volume';
export type {
  CountPoint,
  VolumeJudgement,
  VolumeSettings,
} from './observability/volume';
export { readContract } from './read';
export type { ContractReading } from './read';
export { DEFAULT_CADENCE, evaluationCadence } from './slo/cadence';
export type { CadenceSettings } from './slo/cadence';
export { ASSESSMENT_WINDOWS_MS } from './slo/burnRate';
export { deriveSlos } from './slo/deriveSlos';
export { describeLibraryRule } from './slo/qualitySlos';
export { SCHEMA_DRIFT_SLO } from './slo/driftSlo';
export { assessSlo, productHealth, sloCondition } from './slo/health';
export type { AssessedSlo } from './slo/health';
export { dataStaleness } from './slo/staleness';
export {
  outputPortNames,
  outputPortProblem,
  rollUpPorts,
} from './slo/portRollup';
export type {
  OutputPortSlos,
  PortObservation,
  PortRollup,
  SloTally,
} from './slo/portRollup';
export type { ContractSlos } from './slo/deriveSlos';
export {
  countObservations,
  parseSloWindow,
  summarizeWindow,
  windowMillis,
} from './slo/errorBudget';
export type { ObservationCounts, WindowSummary } from './slo/errorBudget';
export { nextSloState, sloHealth } from './slo/transitions';
export type { SloOutcome, SloState, SloTransition } from './slo/transitions';
export type { SloDefinition, SloMeasure } from './slo/types';
export { describeMeasurement, formatQuantity } from './slo/units';
export { DEFAULT_SOURCE_LIMITS } from './source/limits';
export type { SourceLimits } from './source/limits';
export {
  ACCESS_REQUEST_STATES,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
  autoApprovalOf,
  grantHolds,
  readAccessDecision,
  readAccessRequest,
} from './access/requests';
export type {
  AccessAuditAction,
  AccessDecisionInput,
  AccessGrantState,
  AccessRequestInput,
  AccessRequestSettings,
  AccessRequestState,
  AutoApproval,
  GrantWindow,
  ReadAccessDecision,
  ReadAccessRequest,
} from './access/requests';
export { readChangelog } from './consumers/changelog';
export type { ChangelogEntry } from './consumers/changelog';
export { consumersOf, hitConsumers } from './consumers/consumers';
export type {
  ConsumerCandidate,
  ConsumerSource,
  HitConsumer,
  ProductConsumer,
} from './consumers/consumers';
export { breakingChangeGate, gateFacts } from './consumers/gate';
export type {
  BreakingChangeGate,
  ConsumerAcknowledgement,
  GateConsumer,
  GateState,
} from './consumers/gate';
export { isBrokenProduct } from './entity/productStatus';
