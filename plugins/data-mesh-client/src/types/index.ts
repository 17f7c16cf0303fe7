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
  GovernanceEvaluateRequest,
  GovernanceResponse,
} from './governance';
export type {
  DataProductContractResponse,
  DataProductDetails,
  DataProductListQuery,
  DataProductListResponse,
  DataProductSearchDocument,
  DataProductSearchDocumentsResponse,
  DataProductServer,
  DataProductSummary,
  RecordedProductContract,
  RecordedProductContractsResponse,
} from './products';
export type {
  OpenLineageIngestResponse,
  PushResultsRequest,
  PushResultsResponse,
} from './results';
export type {
  AcknowledgeVersionRequest,
  AnnounceContractVersionRequest,
  ContractImpactResponse,
  ContractVersionDiffResponse,
  ContractVersionView,
  ContractVersionsResponse,
  ProductConsumersResponse,
} from './versions';
