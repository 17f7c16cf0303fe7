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
  ProductAccess,
  describeProductAccess,
  principalRef,
} from './access/productAccess';
export type {
  AccessAction,
  AccessDefault,
  AccessSettings,
  Audience,
} from './access/productAccess';
export { redactContractData } from './access/redact';
export type {
  ColumnEdge,
  LineageDirection,
  LineageEdge,
  LineageNode,
  LineageResponse,
} from './api/lineage';
export type { GovernanceHealth, SloHealth } from './api/products';
export type {
  BurnRateAlert,
  ErrorBudget,
  ProductHealthView,
  SloAssessment,
  SloCondition,
  SloHistoryPoint,
  SloHistoryResponse,
  SloKind,
  SloResponse,
  SloStatus,
  SloTarget,
  SloView,
  SloWindow,
} from './api/slo';
export type { DriftFinding, SchemaDriftResponse } from './api/observability';
export { diffContracts } from './diff/diffContracts';
export type {
  ChangeKind,
  ChangeSeverity,
  ContractChange,
  ContractDiff,
  VersionBump,
} from './diff/types';
export { draftDataProduct } from './draft/draftDataProduct';
export { DRAFT_CONTRACT_FILE } from './draft/draftEntity';
export { productNameAdvice } from './draft/names';
export { reviseContractFile } from './draft/reviseContract';
export type { ContractRevision } from './draft/reviseContract';
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
export type { PolicyLayers } from './governance/layering';
export { layerPolicyFiles } from './governance/policyFiles';
export { entityInFile } from './governance/entityFile';
export type { PolicyInput, QualityCheckResult } from './governance/policyInput';
export { MeshNeighbours } from './governance/neighbours';
export type { MeshProduct, NeighbourFacts } from './governance/neighbours';
export type { GovernedEntity } from './governance/productFacts';
export { governProduct, verdictForViewer } from './governance/productVerdict';
export type { ProductVerdict } from './governance/productVerdict';
export type {
  GovernanceVerdict,
  PolicyMode,
  PolicyOutcome,
  PolicyResult,
  PolicySeverity,
  PolicyStatus,
} from './governance/types';
export { summarizeVerdict } from './governance/verdictSummary';
export { impactInCatalog } from './impact/impactOf';
export type { EntityWithRelations, ImpactReport } from './impact/impactOf';
export { formatIssue } from './issues';
export type { ContractIssue } from './issues';
export { LineageGraph } from './lineage/LineageGraph';
export type {
  LineageEdgeInput,
  LineageNodeInput,
} from './lineage/LineageGraph';
export { filePath } from './lineage/datasetNames';
export { MeshDatasets } from './lineage/meshDatasets';
export { readOpenLineageEvent } from './lineage/openLineage';
export type {
  DatasetEdge,
  DatasetId,
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
export { qualityComparison } from './product/qualityComparison';
export type { QualityComparison } from './product/qualityComparison';
export { physicalName, schemaObjects } from './product/schemaObjects';
export { schemaDrift } from './observability/schemaDrift';
export type {
  ObservedColumn,
  ObservedObject,
} from './observability/schemaDrift';
export { sloChangeNotice } from './observability/alerts';
export type { SloAlertRule } from './observability/alerts';
export { portalSummaryChecks } from './observability/inputs';
export type { ReportedCheck } from './observability/inputs';
export type { AlertCondition, AlertSeverity } from './observability/plan';
export type { CountPoint, VolumeJudgement } from './observability/volume';
export { readContract } from './read';
export type { ContractReading } from './read';
export { EvaluationCadence } from './slo/cadence';
export { parseSloWindow, summarizeWindow } from './slo/errorBudget';
export type { ObservationCounts, WindowSummary } from './slo/errorBudget';
export { judgeMeasurement } from './slo/judgement';
export { ProductSloViews } from './slo/sloViews';
export { advanceSloState, sloHealth } from './slo/transitions';
export type { SloState } from './slo/transitions';
export { deriveSlos } from './slo/deriveSlos';
export { describeLibraryRule } from './slo/qualitySlos';
export { assessSlos, productSloHealth } from './slo/health';
export { dataStaleness } from './slo/staleness';
export { outputPortProblem } from './slo/portRollup';
export type {
  OutputPortSlos,
  PortObservation,
  PortRollup,
  SloTally,
} from './slo/portRollup';
export type { ContractSlos } from './slo/deriveSlos';
export type { SloDefinition, SloMeasure } from './slo/types';
export { formatQuantity } from './slo/units';
export { DEFAULT_SOURCE_LIMITS } from './source/limits';
export type { SourceLimits } from './source/limits';
export {
  ACCESS_GRANT_STATES,
  ACCESS_REQUEST_STATES,
  AccessRequest,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
  holdingGrants,
  readAccessDecision,
} from './access/requests';
export type {
  AccessAuditAction,
  AccessDecisionInput,
  AccessGrantState,
  AccessRequestInput,
  AccessRequestSettings,
  AccessRequestState,
  AutoApproval,
  ReadAccessDecision,
} from './access/requests';
export { readChangelog } from './consumers/changelog';
export type { ChangelogEntry } from './consumers/changelog';
export { consumersOfProduct } from './consumers/consumers';
export type { ConsumerSource, ProductConsumer } from './consumers/consumers';
export { breakingChangeGateOf } from './consumers/gate';
export type {
  BreakingChangeGate,
  ConsumerAcknowledgement,
  GateConsumer,
} from './consumers/gate';
