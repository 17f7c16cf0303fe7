/**
 * Node.js library of the data-mesh suite: loading contracts and products from files and
 * URLs, loading the governance policies `dataMesh.governance` configures, the access rules,
 * the extension point for history sources, and the `data-mesh` CLI.
 *
 * @packageDocumentation
 */

export { loadContractFile } from './load/loadContractFile';
export type { LoadContractFileOptions } from './load/loadContractFile';
export { loadContractUrl } from './load/loadContractUrl';
export type { LoadContractUrlOptions } from './load/loadContractUrl';
export type { LoadedContract } from './load/loadedContract';

export * from './sources';

export { runCli } from './cli/runCli';
export { EXIT_CODES } from './cli/exitCodes';
export type { CliCommand, CliContext } from './cli/command';
export type { CliIo } from './cli/io';
export type { JsonReport, JsonReportIssue } from './cli/report/jsonReport';

export { loadPolicyFiles } from './governance/loadPolicyFiles';
export type {
  LoadedPolicies,
  LoadPolicyFilesOptions,
  PolicyFileList,
} from './governance/loadPolicyFiles';
export {
  InvalidPolicyFilesError,
  loadGovernancePolicies,
  readGovernanceConfig,
} from './governance/governanceConfig';
export type {
  GovernanceConfig,
  GovernancePolicies,
} from './governance/governanceConfig';

export * from './access';

export * from './engines';
export { migrateLatest } from './database/migrateLatest';
export { dataMeshGrantPlatformsExtensionPoint } from './grants/platforms';
export type {
  DataMeshGrantPlatformsExtensionPoint,
  GrantOnPlatform,
  GrantPlatform,
  GrantPlatformOutcome,
} from './grants/platforms';

export { dataMeshHistoryExtensionPoint } from './history';
export type {
  DataMeshHistoryExtensionPoint,
  DataMeshHistorySource,
  HistoricalObservation,
} from './history';
