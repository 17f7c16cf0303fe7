import { execFile } from 'node:child_process';

/**
 * Who commits: the person who ran the template, else the portal.
 *
 * @public
 */
export interface GitAuthor {
  name: string;
  email: string;
}

/**
 * Runs git in a folder and returns its standard output. The repository's own configuration
 * is not consulted for the identity: the author is given on every call.
 */
export function git(
  cwd: string,
  args: string[],
  author?: GitAuthor,
): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  if (author) {
    env.GIT_AUTHOR_NAME = author.name;
    env.GIT_AUTHOR_EMAIL = author.email;
    env.GIT_COMMITTER_NAME = author.name;
    env.GIT_COMMITTER_EMAIL = author.email;
  }
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'commit.gpgsign=false', ...args],
      { cwd, env, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new Error(
              missing
                ? 'git is not installed on the backend host: install git, or publish with publish:github (or another publish action) instead'
                : `git ${args.join(' ')} failed in ${cwd}: ${
                    stderr.trim() || error.message
                  }`,
            ),
          );
          return;
        }
        resolve(stdout.trim());
      },
    );
  });
}
