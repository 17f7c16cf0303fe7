/**
 * The policy files of a governance configuration, read by the caller, compiled and layered
 * on the built-in pack: a bad file never lets a product pass with fewer policies than were
 * written.
 */
import { type ContractIssue, hasErrors } from '../issues';
import { parseSource } from '../source';
import { layerPolicies, type PolicyLayers } from './layering';
import { parsePolicySet } from './parsePolicySet';
import type { CompiledPolicySet } from './validatePolicySet';

function domainMismatch(
  file: string,
  text: string,
  listedFor: string,
  declared: string,
): ContractIssue {
  const at = parseSource(text, { fileName: file }).documents[0]?.locate(
    '/metadata/domain',
  );
  return {
    severity: 'error',
    path: '/metadata/domain',
    file,
    ...(at ?? {}),
    rule: 'domain-mismatch',
    message: `the file is listed for domain "${listedFor}" but its metadata.domain is "${declared}": list it under its own domain, or change metadata.domain`,
  };
}

/**
 * Compiles policy files and layers them on the built-in rule pack (unless `builtIn` is
 * false), in the order given: list the global files first, then each domain's. A file listed
 * for a domain applies to that domain's products; its `metadata.domain`, when set, must name
 * that domain (case aside). A file that could not be read (its `issue` says why) or has an
 * error (YAML, an unknown key, CEL that does not compile, an override of a policy no earlier
 * set defines) is an issue with its file, line and column, and then no layers are returned.
 * @public
 */
export function layerPolicyFiles(
  files: ReadonlyArray<{
    /** How issues name the file. */
    fileName: string;
    /** The domain the file is listed for; absent for a file listed for every product. */
    domain?: string;
    /** The file's text; absent when it could not be read. */
    text?: string;
    /** Why the file could not be read, when it could not. */
    issue?: ContractIssue;
  }>,
  options: { builtIn?: boolean } = {},
): { layers?: PolicyLayers; issues: ContractIssue[] } {
  const issues: ContractIssue[] = [];
  const sets: CompiledPolicySet[] = [];
  for (const file of files) {
    if (file.text === undefined) {
      if (file.issue) issues.push(file.issue);
      continue;
    }
    const parsed = parsePolicySet(file.text, { fileName: file.fileName });
    issues.push(...parsed.issues);
    if (!parsed.set) continue;
    const declared = parsed.set.domain;
    if (
      file.domain &&
      declared &&
      declared.toLowerCase() !== file.domain.toLowerCase()
    ) {
      issues.push(
        domainMismatch(file.fileName, file.text, file.domain, declared),
      );
      continue;
    }
    sets.push(
      file.domain
        ? { ...parsed.set, domain: declared ?? file.domain }
        : parsed.set,
    );
  }
  if (hasErrors(issues)) return { issues };
  const layers = layerPolicies(sets, { builtIn: options.builtIn ?? true });
  issues.push(...layers.issues);
  return hasErrors(layers.issues) ? { issues } : { layers, issues };
}
