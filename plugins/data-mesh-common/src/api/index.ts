/**
 * The data-mesh backend's HTTP API (`/api/data-mesh`): request and response types, shared by
 * the backend that answers and the frontend that asks.
 */
export type {
  DataProductContractResponse,
  DataProductDetails,
  DataProductListQuery,
  DataProductListResponse,
  DataProductPort,
  DataProductSearchDocument,
  RecordedProductContract,
  RecordedProductContractsResponse,
  DataProductSearchDocumentsResponse,
  DataProductServer,
  DataProductSight,
  DataProductSummary,
  GovernanceHealth,
  SloHealth,
} from './products';
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
} from './slo';
export { SLO_WINDOWS } from './slo';
export type {
  ColumnEdge,
  LineageDirection,
  LineageEdge,
  LineageNode,
  LineageResponse,
} from './lineage';
export type {
  OpenLineageIngestResponse,
  PushedObservation,
  PushResultsRequest,
  PushResultsResponse,
} from './results';
export type {
  GovernanceEvaluateRequest,
  GovernanceResponse,
} from './governance';
export type {
  AccessAuditEntry,
  AccessAuditResponse,
  AccessGrantPlatformView,
  AccessGrantView,
  AccessGrantsResponse,
  AccessRequestView,
  AccessRequestsResponse,
  ProductAccessResponse,
} from './access';
export type {
  AcknowledgeVersionRequest,
  AnnounceContractVersionRequest,
  ContractImpactResponse,
  ContractVersionDiffResponse,
  ContractVersionView,
  ContractVersionsResponse,
  ProductConsumersResponse,
} from './versions';
export type { DriftFinding, SchemaDriftResponse } from './observability';
