import type { UserInfoService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ProductContracts } from '../governance/DataMeshApiClient';
import type { GovernanceEvaluator } from '../governance/GovernanceEvaluator';
import { createCheckGovernanceAction } from './checkGovernance';
import { createDiffContractAction } from './diffContract';
import { createFetchContractAction } from './fetchContract';
import { createGenerateContractAction } from './generateContract';
import { createPublishLocalAction, LocalPublishOptions } from './publishLocal';
import { createRegisterLocalAction } from './registerLocal';
import { createReviseContractAction } from './reviseContract';

export { createCheckGovernanceAction } from './checkGovernance';
export { createDiffContractAction } from './diffContract';
export { createFetchContractAction } from './fetchContract';
export { createGenerateContractAction } from './generateContract';
export { createPublishLocalAction } from './publishLocal';
export type {
  LocalPublishOptions,
  PublishLocalActionOptions,
} from './publishLocal';
export { createRegisterLocalAction } from './registerLocal';
export { createReviseContractAction } from './reviseContract';

/**
 * Every data-mesh action; the two local-publishing ones only when a publish folder is set.
 *
 * @public
 */
export function createDataMeshActions(options: {
  evaluator: GovernanceEvaluator;
  contracts: ProductContracts;
  catalog: CatalogService;
  /** Who the person running a template is and owns (for proposing on a product's branch). */
  userInfo: UserInfoService;
  publish?: LocalPublishOptions;
}) {
  const { evaluator, contracts, catalog, userInfo, publish } = options;
  return [
    createGenerateContractAction(),
    createCheckGovernanceAction({ evaluator }),
    createFetchContractAction({ contracts, catalog }),
    createReviseContractAction(),
    createDiffContractAction({ contracts, catalog }),
    ...(publish
      ? [
          createPublishLocalAction({ ...publish, catalog, userInfo }),
          createRegisterLocalAction({
            publishDir: publish.publishDir,
            catalog,
            contracts,
          }),
        ]
      : []),
  ];
}
