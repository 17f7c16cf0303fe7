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

/** Thrown for content that is not published: a symbolic link, or a special file. */
export class UnpublishableContentError extends Error {
  name = 'UnpublishableContentError';
}

function unpublishable(relative: string, what: string) {
  return new UnpublishableContentError(
    `${relative} in the workspace is ${what}, which is not published: a repository in the publish folder holds plain files and folders only. Write the file itself there instead (or remove it)`,
  );
}

/**
 * Checks that a folder holds only plain files and folders (`.git` folders aside, which are
 * not published): a symbolic link is refused, not followed or copied, because the catalog and
 * the SLO checks would follow it to whatever it points at on the backend host.
 */
export async function assertPublishable(folder: string): Promise<void> {
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    const entries = await fs.readdir(path.join(folder, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isSymbolicLink()) throw unpublishable(child, 'a symbolic link');
      if (entry.isDirectory()) pending.push(child);
      else if (!entry.isFile())
        throw unpublishable(child, 'not a regular file');
    }
  }
}

/** Copies a folder's content, leaving out `.git` folders; a symbolic link stops the copy. */
async function copyContent(from: string, to: string): Promise<void> {
  await fs.cp(from, to, {
    recursive: true,
    filter: async source => {
      if (path.basename(source) === '.git') return false;
      const stat = await fs.lstat(source);
      if (stat.isSymbolicLink()) {
        throw unpublishable(path.relative(from, source), 'a symbolic link');
      }
      return true;
    },
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
 * `main`. Refuses when the folder exists, so a product is never published over another, and
 * when the content holds a symbolic link (see {@link assertPublishable}).
 */
export async function createRepository(options: {
  sourcePath: string;
  repoPath: string;
  author: GitAuthor;
  message: string;
}): Promise<Publication> {
  const { sourcePath, repoPath, author, message } = options;
  await assertPublishable(sourcePath);
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
  await assertPublishable(sourcePath);
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
