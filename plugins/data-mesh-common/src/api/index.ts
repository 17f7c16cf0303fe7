/**
 * The values common's rules produce that the data-mesh backend's HTTP API carries: SLO
 * statuses, targets, budgets and health, the lineage graph, drift findings. The requests and
 * responses built from them are in `@backstage-data-mesh/plugin-data-mesh-client`.
 */
export type { GovernanceHealth, SloHealth } from './products';
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
export type { DriftFinding, SchemaDriftResponse } from './observability';
