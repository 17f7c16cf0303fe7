import type { Config } from '@backstage/config';
import {
  ContractIssue,
  formatIssue,
  PolicyLayers,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { loadPolicyFiles, PolicyFileList } from './loadPolicyFiles';

/**
 * `dataMesh.governance` as configured.
 *
 * ```yaml
 * dataMesh:
 *   governance:
 *     enabled: true           # false: no policy is evaluated
 *     builtIn: true           # the built-in rule pack of data-mesh-common
 *     policies:               # for every product
 *       - policies/global.yaml
 *     domains:                # for one domain's products
 *       finance: [policies/finance.yaml]
 * ```
 *
 * @public
 */
export interface GovernanceConfig extends PolicyFileList {
  enabled: boolean;
  builtIn: boolean;
  policies: string[];
  domains: Record<string, string[]>;
}

const RENAMED: Record<string, string> = {
  policyFiles: 'policies',
  builtInPack: 'builtIn',
};

/**
 * Reads `dataMesh.governance`. A key of an earlier shape (`policyFiles`, `builtInPack`) is
 * an error that names the key to use, rather than a list of policies silently ignored.
 *
 * @public
 */
export function readGovernanceConfig(config: Config): GovernanceConfig {
  const governance = config.getOptionalConfig('dataMesh.governance');
  for (const [old, current] of Object.entries(RENAMED)) {
    if (governance?.has(old)) {
      throw new Error(
        `dataMesh.governance.${old} is not read: the key is now dataMesh.governance.${current}; rename it`,
      );
    }
  }
  const domainsConfig = governance?.getOptionalConfig('domains');
  const domains: Record<string, string[]> = {};
  for (const domain of domainsConfig?.keys() ?? [])
    domains[domain] = domainsConfig!.getStringArray(domain);
  return {
    enabled: governance?.getOptionalBoolean('enabled') ?? true,
    builtIn: governance?.getOptionalBoolean('builtIn') ?? true,
    policies: governance?.getOptionalStringArray('policies') ?? [],
    domains,
  };
}

/**
 * The policies `dataMesh.governance` configures, ready to evaluate, or `enabled: false`.
 *
 * @public
 */
export type GovernancePolicies =
  | { enabled: false }
  | {
      enabled: true;
      layers: PolicyLayers;
      /** Changes whenever the policies do: part of the key of any cached verdict. */
      version: string;
      /** The policy files read (absolute paths). */
      files: string[];
      /** Warnings about the policy files (nothing that stops them from applying). */
      warnings: ContractIssue[];
    };

/**
 * Thrown by {@link loadGovernancePolicies} when a configured policy file is missing,
 * unreadable or invalid; `issues` holds every problem with its file, line and column.
 *
 * @public
 */
export class InvalidPolicyFilesError extends Error {
  readonly issues: ContractIssue[];

  constructor(issues: ContractIssue[]) {
    const errors = issues.filter(issue => issue.severity === 'error');
    super(
      `dataMesh.governance lists policy files with errors; nothing is evaluated until they are fixed or taken off the list:\n${errors
        .map(issue => `  ${formatIssue(issue)}`)
        .join('\n')}`,
    );
    this.name = 'InvalidPolicyFilesError';
    this.issues = issues;
  }
}

/**
 * Reads `dataMesh.governance` and loads its policy files, relative paths resolved against
 * the backend's working directory (`workingDirectory`, default the current directory). The
 * catalog module, the data-mesh backend and `data-mesh check` evaluate the same policies
 * this way. Throws an {@link InvalidPolicyFilesError} when a policy file has an error, so a
 * backend never governs with fewer policies than the platform team wrote.
 *
 * @public
 */
export async function loadGovernancePolicies(
  config: Config,
  options: { workingDirectory?: string } = {},
): Promise<GovernancePolicies> {
  const settings = readGovernanceConfig(config);
  if (!settings.enabled) return { enabled: false };
  const loaded = await loadPolicyFiles(settings, {
    builtIn: settings.builtIn,
    workingDirectory: options.workingDirectory,
  });
  if (!loaded.layers) throw new InvalidPolicyFilesError(loaded.issues);
  return {
    enabled: true,
    layers: loaded.layers,
    version: loaded.version,
    files: loaded.files,
    warnings: loaded.issues,
  };
}
