import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  ContractIssue,
  layerPolicyFiles,
  PolicyLayers,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The policy files of a governance configuration: files for every product, and files per
 * domain.
 *
 * @public
 */
export interface PolicyFileList {
  /**
   * Policy files (`kind: PolicySet`) applied to every product, in this order. A file whose
   * `metadata.domain` is set still applies to that domain's products only.
   */
  policies?: readonly string[];
  /**
   * Policy files per domain (`finance: [...]`), applied to that domain's products after the
   * global ones. A file may leave `metadata.domain` out; if it names a domain, it must be
   * this one.
   */
  domains?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Options of {@link loadPolicyFiles}.
 *
 * @public
 */
export interface LoadPolicyFilesOptions {
  /** Layer the files on the built-in rule pack (default true). */
  builtIn?: boolean;
  /** The directory relative paths are resolved against (default: the current directory). */
  workingDirectory?: string;
  /**
   * How issues name a file: by its absolute path (default, for a server's log), or as it was
   * listed (for a command line, where the user typed it).
   */
  fileNames?: 'absolute' | 'as-listed';
}

/**
 * The policies read from files, layered on the built-in pack.
 *
 * @public
 */
export interface LoadedPolicies {
  /** The layered policies; absent when a file could not be read or has an error. */
  layers?: PolicyLayers;
  /**
   * Changes whenever the policies do (the built-in pack, the choice to use it, each file's
   * path, domain and text), so results computed with other policies can be told apart.
   */
  version: string;
  /** The absolute paths of the files read, in the order they apply. */
  files: string[];
  /** Every problem, each with its file and, where it has one, its line and column. */
  issues: ContractIssue[];
}

interface ListedFile {
  written: string;
  domain?: string;
}

async function readPolicyFile(
  listed: ListedFile,
  base: string,
  fileName: string,
): Promise<{ text?: string; issue?: ContractIssue }> {
  const fullPath = path.resolve(base, listed.written);
  try {
    return { text: await fs.readFile(fullPath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where =
      listed.written === fullPath
        ? fullPath
        : `${listed.written} (resolved against ${base})`;
    let message = `policy file ${where} cannot be read: ${
      (error as Error).message
    }`;
    if (code === 'ENOENT') {
      message = `policy file not found: ${where}; fix the path or take the file off the list`;
    } else if (code === 'EISDIR') {
      message = `policy file ${where} is a directory: list the policy files in it one by one`;
    }
    return {
      issue: {
        severity: 'error',
        path: '',
        file: fileName,
        rule: code === 'ENOENT' ? 'file-not-found' : 'unreadable',
        message,
      },
    };
  }
}

/**
 * Reads policy files and has them compiled and layered on the built-in rule pack
 * (`layerPolicyFiles` of data-mesh-common): the global files in the order given, then each
 * domain's files. Relative paths are resolved against
 * `workingDirectory`. A file that is missing, unreadable or has an error (YAML, an unknown
 * key, CEL that does not compile, an override of a policy no earlier set defines) is an issue
 * with its file, line and column, and then no layers are returned: a bad policy file never
 * lets a product pass with fewer policies than were written.
 *
 * @public
 */
export async function loadPolicyFiles(
  list: PolicyFileList,
  options: LoadPolicyFilesOptions = {},
): Promise<LoadedPolicies> {
  const builtIn = options.builtIn ?? true;
  const base = options.workingDirectory ?? process.cwd();
  const listed: ListedFile[] = [
    ...(list.policies ?? []).map(written => ({ written })),
    ...Object.entries(list.domains ?? {}).flatMap(([domain, files]) =>
      files.map(written => ({ written, domain })),
    ),
  ];
  const versioned: string[] = [];
  const files: string[] = [];
  const read: {
    fileName: string;
    domain?: string;
    text?: string;
    issues?: ContractIssue[];
  }[] = [];
  for (const entry of listed) {
    const fullPath = path.resolve(base, entry.written);
    const fileName =
      options.fileNames === 'as-listed' ? entry.written : fullPath;
    files.push(fullPath);
    const { text, issue } = await readPolicyFile(entry, base, fileName);
    if (text === undefined) {
      read.push({ fileName, domain: entry.domain, issues: [issue!] });
      continue;
    }
    versioned.push(JSON.stringify([fullPath, entry.domain ?? null, text]));
    read.push({ fileName, domain: entry.domain, text });
  }
  const { layers, issues, builtInPolicies } = layerPolicyFiles(read, {
    builtIn,
  });
  const version = createHash('sha256').update(
    JSON.stringify([builtIn, builtInPolicies]),
  );
  for (const text of versioned) version.update(text);
  const result = {
    version: version.digest('hex').slice(0, 16),
    files,
    issues,
  };
  return layers ? { ...result, layers } : result;
}
