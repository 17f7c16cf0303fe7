import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  CompiledPolicySet,
  ContractIssue,
  layerPolicies,
  parsePolicySet,
  PolicyLayers,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * Reads and compiles the policy files given to `data-mesh check --policies`, and layers them
 * on the built-in pack (global files first, then domain files, each in the order given).
 * Returns the layers only when every file is valid: a bad policy file stops the check.
 */
export async function loadPolicies(
  files: readonly string[],
  options: { builtIn: boolean },
): Promise<{ layers?: PolicyLayers; issues: ContractIssue[] }> {
  const issues: ContractIssue[] = [];
  const sets: CompiledPolicySet[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(path.resolve(file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      issues.push({
        severity: 'error',
        path: '',
        file,
        rule: code === 'ENOENT' ? 'file-not-found' : 'unreadable',
        message:
          code === 'ENOENT'
            ? `policy file not found: ${file} (looked for ${path.resolve(
                file,
              )})`
            : `policy file ${file} cannot be read: ${(error as Error).message}`,
      });
      continue;
    }
    const result = parsePolicySet(text, { fileName: file });
    issues.push(...result.issues);
    if (result.set) sets.push(result.set);
  }
  if (issues.some(issue => issue.severity === 'error')) return { issues };
  const layers = layerPolicies(sets, { builtIn: options.builtIn });
  issues.push(...layers.issues);
  if (layers.issues.some(issue => issue.severity === 'error'))
    return { issues };
  return { layers, issues };
}
