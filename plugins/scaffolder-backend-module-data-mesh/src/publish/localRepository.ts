import { promises as fs } from 'node:fs';
import path from 'node:path';
import { git, GitAuthor } from './git';

const DEFAULT_BRANCH = 'main';

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Copies a folder's content, leaving out `.git` folders. */
async function copyContent(from: string, to: string): Promise<void> {
  await fs.cp(from, to, {
    recursive: true,
    filter: source => path.basename(source) !== '.git',
  });
}

/** Removes everything but `.git` from a repository's work tree. */
async function clearWorkTree(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir)) {
    if (entry !== '.git')
      await fs.rm(path.join(dir, entry), { recursive: true, force: true });
  }
}

/** What was published. */
export type Publication = {
  repoPath: string;
  branch: string;
  commitHash: string;
};

/**
 * Creates a git repository at `repoPath` holding the content of `sourcePath`, committed on
 * `main`. Refuses when the folder exists, so a product is never published over another.
 */
export async function createRepository(options: {
  sourcePath: string;
  repoPath: string;
  author: GitAuthor;
  message: string;
}): Promise<Publication> {
  const { sourcePath, repoPath, author, message } = options;
  if (await exists(repoPath)) {
    throw new Error(
      `${repoPath} already exists: another product was published under this name. Pick another name, or remove that folder (and its catalog entity) first`,
    );
  }
  await fs.mkdir(repoPath, { recursive: true });
  try {
    await copyContent(sourcePath, repoPath);
    await git(repoPath, [
      'init',
      '--quiet',
      `--initial-branch=${DEFAULT_BRANCH}`,
    ]);
    await git(repoPath, ['add', '--all']);
    await git(repoPath, ['commit', '--quiet', '--message', message], author);
  } catch (error) {
    await fs.rm(repoPath, { recursive: true, force: true });
    throw error;
  }
  return {
    repoPath,
    branch: DEFAULT_BRANCH,
    commitHash: await git(repoPath, ['rev-parse', 'HEAD']),
  };
}

/**
 * Proposes a change as a branch: commits the content of `sourcePath` on a new `branch` made
 * from `main` of the repository at `repoPath` (created, with an empty first commit, when
 * missing), then checks `main` out again, so the work tree (which the catalog reads) keeps
 * the released version until the branch is merged.
 */
export async function proposeOnBranch(options: {
  sourcePath: string;
  repoPath: string;
  branch: string;
  author: GitAuthor;
  message: string;
}): Promise<Publication> {
  const { sourcePath, repoPath, branch, author, message } = options;
  if (!(await exists(path.join(repoPath, '.git')))) {
    if (await exists(repoPath)) {
      throw new Error(
        `${repoPath} exists but is not a git repository: remove it, or publish under another name`,
      );
    }
    await fs.mkdir(repoPath, { recursive: true });
    await git(repoPath, [
      'init',
      '--quiet',
      `--initial-branch=${DEFAULT_BRANCH}`,
    ]);
    await git(
      repoPath,
      [
        'commit',
        '--quiet',
        '--allow-empty',
        '--message',
        'Repository for proposed changes',
      ],
      author,
    );
  }
  const branches = await git(repoPath, ['branch', '--list', branch]);
  if (branches !== '') {
    throw new Error(
      `${repoPath} already has a branch ${branch}: merge or delete it, or propose another version`,
    );
  }
  const status = await git(repoPath, ['status', '--porcelain']);
  if (status !== '') {
    throw new Error(
      `${repoPath} has uncommitted changes: commit or discard them first`,
    );
  }
  await git(repoPath, ['checkout', '--quiet', '-b', branch, DEFAULT_BRANCH]);
  try {
    await clearWorkTree(repoPath);
    await copyContent(sourcePath, repoPath);
    await git(repoPath, ['add', '--all']);
    await git(
      repoPath,
      ['commit', '--quiet', '--allow-empty', '--message', message],
      author,
    );
    return {
      repoPath,
      branch,
      commitHash: await git(repoPath, ['rev-parse', 'HEAD']),
    };
  } finally {
    await git(repoPath, ['checkout', '--quiet', '--force', DEFAULT_BRANCH]);
  }
}
