/**
 * The policy files of a governance configuration, read by the caller, checked, compiled and
 * layered on the built-in pack.
 */
import { ContractIssue, hasErrors } from '../issues';
import { parseSource } from '../source';
import { layerPolicies, type PolicyLayers } from './layering';
import { BUILT_IN_POLICIES } from './packs/builtin';
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
 * Checks and compiles policy files (`kind: PolicySet`, YAML or JSON) and layers them on the
 * built-in rule pack (unless `builtIn: false`): the global files in the order given, then each
 * domain's files. A file listed for a domain applies to that domain's products; if it names a
 * domain in `metadata.domain`, it must be that one. A file that could not be read comes with
 * the problems its caller met (`issues`, reported in its place) and no `text`.
 *
 * Every problem is an issue with its file and, where it has one, its line and column: YAML,
 * an unknown key, CEL that does not compile, an override of a policy no earlier set defines.
 * With any error there are no `layers`: a bad policy file never lets a product pass with
 * fewer policies than were written.
 *
 * `builtInPolicies` are the policies of the built-in pack as written (none with
 * `builtIn: false`), given with or without `layers`: a version of the policies (a key for
 * cached verdicts) changes with them, as it does with each file's text.
 *
 * @public
 */
export function layerPolicyFiles(
  files: ReadonlyArray<{
    /** How issues name the file (its path). */
    fileName: string;
    /** The domain the file is listed for; absent for a file for every product. */
    domain?: string;
    /** The file's text; absent when it could not be read. */
    text?: string;
    /** Problems met reading the file. */
    issues?: ContractIssue[];
  }>,
  options: { builtIn?: boolean } = {},
): {
  layers?: PolicyLayers;
  issues: ContractIssue[];
  builtInPolicies: readonly object[];
} {
  const builtInPolicies = options.builtIn === false ? [] : BUILT_IN_POLICIES;
  const issues: ContractIssue[] = [];
  const sets: CompiledPolicySet[] = [];
  for (const file of files) {
    issues.push(...(file.issues ?? []));
    if (file.text === undefined) {
      if (!hasErrors(file.issues ?? []))
        issues.push({
          severity: 'error',
          path: '',
          file: file.fileName,
          rule: 'unreadable',
          message: `policy file ${file.fileName} was not read: read it, or take it off the list`,
        });
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
  if (hasErrors(issues)) return { issues, builtInPolicies };
  const layers = layerPolicies(sets, { builtIn: options.builtIn });
  issues.push(...layers.issues);
  return hasErrors(layers.issues)
    ? { issues, builtInPolicies }
    : { layers, issues, builtInPolicies };
}
