import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@backstage/config';
import {
  BUILT_IN_POLICIES,
  CompiledPolicySet,
  formatIssue,
  parsePolicySet,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  GovernanceCheck,
  governanceNotEvaluated,
  policyGovernance,
} from './governance';

/**
 * The governance check the configuration asks for (`dataMesh.governance`): the built-in rule
 * pack and the listed policy files, or none when `enabled: false`. A policy file that cannot
 * be read or has errors stops the backend with the file, line and what is wrong, rather than
 * governing with fewer policies than the platform team wrote.
 */
export function loadGovernance(
  config: Config,
  options: { workingDirectory?: string } = {},
): GovernanceCheck {
  const governance = config.getOptionalConfig('dataMesh.governance');
  if (governance?.getOptionalBoolean('enabled') === false)
    return governanceNotEvaluated;
  const builtIn = governance?.getOptionalBoolean('builtIn') ?? true;
  const files = governance?.getOptionalStringArray('policyFiles') ?? [];
  const version = createHash('sha256').update(
    JSON.stringify([builtIn, BUILT_IN_POLICIES]),
  );
  const sets: CompiledPolicySet[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const fullPath = path.resolve(
      options.workingDirectory ?? process.cwd(),
      file,
    );
    let text: string;
    try {
      text = fs.readFileSync(fullPath, 'utf8');
    } catch (error) {
      problems.push(
        `${fullPath}: cannot be read (${(error as Error).message})`,
      );
      continue;
    }
    version.update(fullPath).update(text);
    const { set, issues } = parsePolicySet(text, { fileName: fullPath });
    problems.push(
      ...issues.filter(i => i.severity === 'error').map(formatIssue),
    );
    if (set) sets.push(set);
  }
  if (problems.length > 0) {
    throw new Error(
      `dataMesh.governance.policyFiles has errors; fix them or remove the file from the list:\n${problems.join(
        '\n',
      )}`,
    );
  }
  return policyGovernance(sets, {
    builtIn,
    version: version.digest('hex').slice(0, 16),
  });
}
