import type {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ObservationStore } from '../database/ObservationStore';
import type { LineageStore } from '../database/LineageStore';
import type { ProductSource } from '../products/DataProduct';
import type { LineageService } from '../lineage/LineageService';
import type { SloEvaluator } from '../evaluation/SloEvaluator';
import type { SloRecorder } from '../evaluation/SloRecorder';
import type { ServerRegistry } from '../evaluation/ServerRegistry';
import type { GovernanceEvaluator } from '../governance/GovernanceEvaluator';

/** What the routes work with. */
export interface RouterContext {
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  products: ProductSource;
  observations: ObservationStore;
  lineageEvents: LineageStore;
  lineage: LineageService;
  evaluator: SloEvaluator;
  recorder: SloRecorder;
  servers: ServerRegistry;
  governance: GovernanceEvaluator;
}
