/**
 * The data-mesh module of the scaffolder: actions that create data products (generate the
 * contract and catalog-info.yaml, check governance, fetch, revise and diff a contract
 * version) and publish them to a local git repository the catalog reads.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDataMesh as default } from './module';
export {
  createCheckGovernanceAction,
  createDataMeshActions,
  createDiffContractAction,
  createFetchContractAction,
  createGenerateContractAction,
  createPublishLocalAction,
  createRegisterLocalAction,
  createReviseContractAction,
} from './actions';
export type { LocalPublishOptions, PublishLocalActionOptions } from './actions';
export type { GitAuthor } from './publish/git';
export { DataMeshApiClient } from './governance/DataMeshApiClient';
export type { ProductContracts } from './governance/DataMeshApiClient';
export type { GovernanceEvaluator } from './governance/GovernanceEvaluator';
