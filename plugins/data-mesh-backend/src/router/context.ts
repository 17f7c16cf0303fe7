import type {
  UserInfoService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ObservationStore } from '../database/ObservationStore';
import type { LineageStore } from '../database/LineageStore';
import type { ProductCatalog } from '../products/DataProduct';
import type { LineageService } from '../lineage/LineageService';
import type { SloEvaluator } from '../evaluation/SloEvaluator';
import type { SloRecorder } from '../evaluation/SloRecorder';
import type { ServerRegistry } from '../evaluation/ServerRegistry';
import type { ProductVerdicts } from '../governance/ProductVerdicts';
import type { ProductAccessGate } from '../access/ProductAccessGate';
import type { ProductIndex } from '../database/ProductIndex';
import type { PushSubjects } from '../access/PushSubjects';
import type { EvaluationLimiter } from '../access/EvaluationLimiter';
import type { AccessRequests } from '../access/AccessRequests';
import type { AccessStore } from '../database/AccessStore';
import type { ContractVersions } from '../versions/ContractVersions';
import type { ProductConsumers } from '../versions/ProductConsumers';

/** The bounds of what one request may send. */
export interface RequestLimits {
  /** Largest JSON body of a push, an OpenLineage event or a draft, in bytes. */
  bodyBytes: number;
  /** Most datasets (inputs and outputs) one OpenLineage event may name. */
  openLineageDatasets: number;
  /** Most dataset-to-dataset edges one OpenLineage event may imply. */
  openLineageEdges: number;
}

/** 1 MB bodies; 100 datasets and 1,000 edges per OpenLineage event. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  bodyBytes: 1024 * 1024,
  openLineageDatasets: 100,
  openLineageEdges: 1000,
};

/** What the routes work with. */
export interface RouterContext {
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  products: ProductCatalog;
  observations: ObservationStore;
  lineageEvents: LineageStore;
  lineage: LineageService;
  evaluator: SloEvaluator;
  recorder: SloRecorder;
  servers: ServerRegistry;
  /** Each product's one governance verdict. */
  verdicts: ProductVerdicts;
  /** Who sees what of which product (the permission framework, asked in batches). */
  gate: ProductAccessGate;
  /** The explorer's list of products, filtered and paged in the database. */
  productIndex: ProductIndex;
  /** Which pipeline token may push for which product. */
  pushSubjects: PushSubjects;
  /** How many evaluations one caller may ask for. */
  evaluations: EvaluationLimiter;
  limits: RequestLimits;
  /** Access requests and grants: asking, deciding, expiring. */
  access: AccessRequests;
  accessStore: AccessStore;
  /** Contract versions and the breaking-change gate. */
  versions: ContractVersions;
  /** Who consumes a product: input ports, grants, OpenLineage readers. */
  consumers: ProductConsumers;
}
