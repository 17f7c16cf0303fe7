import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Resolves a path an action's input names inside a base folder (the task's workspace, or the
 * publish folder). Absolute paths and `..` segments are refused outright, even when they
 * would land inside the folder, and a symbolic link that leads outside is refused too.
 *
 * @param base - the folder the path must stay in
 * @param relative - the path as the template wrote it
 * @param input - the name of the input, for the error message
 */
export function resolveInside(
  base: string,
  relative: string,
  input: string,
): string {
  const written = relative.trim();
  if (written === '') {
    throw new InputError(
      `${input} is empty: give a path relative to the workspace, e.g. "."`,
    );
  }
  if (
    path.isAbsolute(written) ||
    path.win32.isAbsolute(written) ||
    written.startsWith('~')
  ) {
    throw new InputError(
      `${input} "${relative}" is an absolute path; actions only write inside the task's workspace: give a path relative to it, e.g. "catalog-info.yaml"`,
    );
  }
  if (written.split(/[\\/]+/).includes('..')) {
    throw new InputError(
      `${input} "${relative}" contains "..", which could leave the task's workspace: give a path relative to the workspace without ".."`,
    );
  }
  try {
    return resolveSafeChildPath(base, written);
  } catch {
    throw new InputError(
      `${input} "${relative}" leads outside the task's workspace (through a symbolic link): give a path to a file inside it`,
    );
  }
}

/** Reads a UTF-8 file the input names, with an error that says which input and what to do. */
export async function readInside(
  base: string,
  relative: string,
  input: string,
): Promise<string> {
  const file = resolveInside(base, relative, input);
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(
        `${input} "${relative}" does not exist in the workspace: check the path, or run the step that writes it (data-mesh:contract:generate) first`,
      );
    }
    throw error;
  }
}

/** Writes a UTF-8 file the input names, creating its folder. */
export async function writeInside(
  base: string,
  relative: string,
  input: string,
  content: string,
): Promise<string> {
  const file = resolveInside(base, relative, input);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content, 'utf8');
  return file;
}
