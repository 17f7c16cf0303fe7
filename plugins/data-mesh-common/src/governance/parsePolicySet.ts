import { ContractIssue } from '../issues';
import { parseSource } from '../source';
import { CompiledPolicySet, validatePolicySet } from './validatePolicySet';

/**
 * Reads a policy file (YAML or JSON), checks it and compiles its CEL. Issues carry the file
 * name, the JSON pointer and the line and column; the set is returned only when the file has
 * no error.
 *
 * ```yaml
 * apiVersion: data-mesh/v1
 * kind: PolicySet
 * metadata:
 *   name: finance
 *   domain: finance          # optional: the set applies to this domain only
 * policies:
 *   - id: finance-freshness
 *     description: Finance data is at most one hour old.
 *     severity: error
 *     mode: enforced
 *     condition: has(sla.freshness) && sla.freshness.seconds <= 3600
 *     message: 'Freshness is ${sla.freshness.value} ${sla.freshness.unit}; finance needs 1 hour.'
 *     remediation: Set slaProperties freshness to 1 h or less.
 * ```
 */
export function parsePolicySet(
  text: string,
  options: { fileName?: string } = {},
): { set?: CompiledPolicySet; issues: ContractIssue[] } {
  const source = parseSource(text, { fileName: options.fileName });
  if (source.issues.some(i => i.severity === 'error'))
    return { issues: source.issues };
  if (source.documents.length !== 1) {
    const issue: ContractIssue = {
      severity: 'error',
      path: '',
      rule: 'documents',
      message: `a policy file holds exactly one YAML document, this one holds ${source.documents.length}: split it into one file per policy set`,
    };
    if (options.fileName) issue.file = options.fileName;
    return { issues: [...source.issues, issue] };
  }
  const [document] = source.documents;
  const result = validatePolicySet(document.value, {
    name: options.fileName,
    file: options.fileName,
    text,
    locate: path => document.locate(path, 'value'),
  });
  // point at the key for unknown keys, where a person looks for a typo
  for (const issue of result.issues) {
    if (issue.rule === 'unknown-key') {
      const at = document.locate(issue.path, 'key');
      if (at) Object.assign(issue, at);
    }
  }
  return { set: result.set, issues: [...source.issues, ...result.issues] };
}
