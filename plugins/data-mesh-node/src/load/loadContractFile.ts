import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_SOURCE_LIMITS,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { failedLoad, LoadedContract } from './loadedContract';

/**
 * Options of {@link loadContractFile}.
 * @public
 */
export interface LoadContractFileOptions {
  /** Largest file read, in bytes. Default: the `parseSource` limit (5 MiB). */
  maxBytes?: number;
}

function describeSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KiB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Reads a contract or product file (see `readContract`). Never throws for a missing,
 * unreadable or oversized file: the result is invalid, with an error that says what to do.
 * Issues name the file as `filePath` was given.
 * @public
 */
export async function loadContractFile(
  filePath: string,
  options: LoadContractFileOptions = {},
): Promise<LoadedContract> {
  const maxBytes = options.maxBytes ?? DEFAULT_SOURCE_LIMITS.maxBytes;
  const absolute = path.resolve(filePath);
  let text: string;
  try {
    const stat = await fs.stat(absolute);
    if (stat.isDirectory()) {
      return failedLoad(
        filePath,
        'not-a-file',
        `${filePath} is a directory; name the contract files in it (for example ${path.join(
          filePath,
          '*.yaml',
        )})`,
      );
    }
    if (stat.size > maxBytes) {
      return failedLoad(
        filePath,
        'file-too-large',
        `${filePath} is ${describeSize(stat.size)}, over the ${describeSize(
          maxBytes,
        )} limit for a contract file; it was not read`,
      );
    }
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return failedLoad(
        filePath,
        'file-not-found',
        `file not found: ${filePath} (looked for ${absolute}); check the path and the current directory`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return failedLoad(
        filePath,
        'unreadable',
        `${filePath} cannot be read: permission denied; check its permissions`,
      );
    }
    return failedLoad(
      filePath,
      'unreadable',
      `${filePath} cannot be read: ${(error as Error).message}`,
    );
  }
  const reading = readContract(text, {
    fileName: filePath,
    limits: { maxBytes },
  });
  return { ...reading, source: filePath, text };
}
