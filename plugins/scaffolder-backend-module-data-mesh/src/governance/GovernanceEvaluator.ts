import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  GovernanceEvaluateRequest,
  GovernanceResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';

/**
 * Evaluates the portal's governance policies on a product that does not exist yet.
 *
 * @public
 */
export interface GovernanceEvaluator {
  evaluate(
    request: GovernanceEvaluateRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<GovernanceResponse>;
}
