import { constants, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  describeSourceLocation,
  isInsideDirectory,
  SourceLocation,
} from './sourceLocation';

/**
 * What reading a source gave: its text and a version key (a file's modification time and
 * size, a URL's ETag), or `unchanged` when the caller's key is still current.
 *
 * @public
 */
export type SourceRead =
  | { unchanged: true; version: string }
  | { unchanged: false; text: string; version?: string };

/**
 * Why a source could not be read, in a sentence a person can act on.
 *
 * @public
 */
export class SourceReadError extends Error {
  name = 'SourceReadError';
}

/**
 * The largest contract or product file read, in bytes (bigger ones are refused, not parsed).
 *
 * @public
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/**
 * Gives the text of a data product's sources: a {@link SourceReader}, or a cache over one.
 *
 * @public
 */
export interface SourceTexts {
  /** The text of a source; throws a {@link SourceReadError} when it cannot be read. */
  text(location: SourceLocation): Promise<string>;
}

/**
 * What a {@link SourceReader} reads URLs with: Backstage's URL reader (so the integrations'
 * credentials and `backend.reading.allow` apply), or anything that answers the same way.
 *
 * @public
 */
export type SourceUrlReader = Pick<UrlReaderService, 'readUrl'>;

/** Opened without following a last symbolic link, and without waiting on a pipe. */
const OPEN_FLAGS =
  constants.O_RDONLY |
  (constants.O_NOFOLLOW ?? 0) |
  (constants.O_NONBLOCK ?? 0);

function tooLarge(name: string, maxBytes: number, bytes?: number) {
  return new SourceReadError(
    `${name} is larger than the ${maxBytes} bytes a contract or product file may have${
      bytes === undefined ? '' : ` (it has ${bytes})`
    }: keep it smaller, or split it`,
  );
}

/**
 * Reads contract and product files.
 *
 * - `file` locations from the disk: only regular files, only when their real path (symbolic
 *   links followed) lies inside the real path of the catalog file's directory, and at most
 *   `maxBytes`.
 * - `url` locations through the URL reader it is given, at most `maxBytes`.
 *
 * Given the version key of an earlier read, it answers `unchanged` without reading when it
 * can: a file whose modification time and size are the same, a URL whose ETag still matches.
 *
 * @public
 */
export class SourceReader implements SourceTexts {
  private readonly maxBytes: number;

  constructor(
    private readonly urlReader: SourceUrlReader,
    options: { maxBytes?: number } = {},
  ) {
    this.maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  }

  /** Reads a source, or answers `unchanged` when `knownVersion` is still its version. */
  async read(
    location: SourceLocation,
    knownVersion?: string,
  ): Promise<SourceRead> {
    return location.type === 'file'
      ? this.readFile(location, knownVersion)
      : this.readUrl(location, knownVersion);
  }

  async text(location: SourceLocation): Promise<string> {
    const read = await this.read(location);
    if (read.unchanged) {
      throw new SourceReadError(
        `${describeSourceLocation(location)} answered "unchanged" to a read`,
      );
    }
    return read.text;
  }

  private async readFile(
    location: Extract<SourceLocation, { type: 'file' }>,
    knownVersion?: string,
  ): Promise<SourceRead> {
    const name = describeSourceLocation(location);
    if (!isInsideDirectory(location.root, location.target)) {
      throw new SourceReadError(
        `${name} lies outside the directory of the catalog file; keep the file beside or below the catalog file`,
      );
    }
    let real: string;
    let stat;
    try {
      const root = await fs.realpath(location.root);
      real = await fs.realpath(location.target);
      if (!isInsideDirectory(root, real)) {
        throw new SourceReadError(
          `${name} is a symbolic link (or lies in a linked directory) that leads outside the directory of the catalog file; keep the file itself beside or below the catalog file`,
        );
      }
      stat = await fs.stat(real);
    } catch (error) {
      throw this.failure(location, error);
    }
    if (!stat.isFile()) {
      throw new SourceReadError(
        `${name} is not a file: name a contract or product file`,
      );
    }
    const version = `${stat.mtimeMs}:${stat.size}`;
    if (knownVersion === version) return { unchanged: true, version };
    if (stat.size > this.maxBytes) {
      throw tooLarge(name, this.maxBytes, stat.size);
    }
    let handle;
    try {
      handle = await fs.open(real, OPEN_FLAGS);
      const opened = await handle.stat();
      if (
        !opened.isFile() ||
        opened.ino !== stat.ino ||
        opened.dev !== stat.dev
      ) {
        throw new SourceReadError(
          `${name} changed while it was read; try again`,
        );
      }
      // Room for the size the file had, and one byte more to notice that it grew; grown
      // (up to one byte past the cap) while the file keeps giving more.
      let buffer = Buffer.allocUnsafe(Math.min(stat.size, this.maxBytes) + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const grown = Buffer.allocUnsafe(
            Math.min(buffer.length * 2, this.maxBytes + 1),
          );
          buffer.copy(grown, 0, 0, length);
          buffer = grown;
        }
        const { bytesRead } = await handle.read(
          buffer,
          length,
          buffer.length - length,
          null,
        );
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > this.maxBytes) throw tooLarge(name, this.maxBytes);
      }
      return {
        unchanged: false,
        text: buffer.toString('utf8', 0, length),
        version,
      };
    } catch (error) {
      throw this.failure(location, error);
    } finally {
      await handle?.close();
    }
  }

  private async readUrl(
    location: SourceLocation,
    knownVersion?: string,
  ): Promise<SourceRead> {
    const name = describeSourceLocation(location);
    try {
      const response = await this.urlReader.readUrl(location.target, {
        etag: knownVersion,
      });
      const buffer = response.stream
        ? await readCapped(response.stream(), this.maxBytes, name)
        : await response.buffer();
      if (buffer.length > this.maxBytes) {
        throw tooLarge(name, this.maxBytes, buffer.length);
      }
      return {
        unchanged: false,
        text: buffer.toString('utf8'),
        version: response.etag,
      };
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError' && knownVersion) {
        return { unchanged: true, version: knownVersion };
      }
      throw this.failure(location, error);
    }
  }

  private failure(location: SourceLocation, error: unknown): Error {
    if (error instanceof SourceReadError) return error;
    const name = describeSourceLocation(location);
    if (isError(error)) {
      const code = (error as NodeJS.ErrnoException).code;
      if (
        code === 'ENOENT' ||
        code === 'ENOTDIR' ||
        error.name === 'NotFoundError'
      ) {
        return new SourceReadError(
          `${name} does not exist: create it, or fix the reference that names it`,
        );
      }
      if (code === 'EACCES' || code === 'EPERM') {
        return new SourceReadError(
          `${name} cannot be read: the backend has no permission to read it`,
        );
      }
      if (code === 'ELOOP') {
        return new SourceReadError(
          `${name} is a symbolic link: name the file itself`,
        );
      }
      if (error.name === 'NotAllowedError') {
        return new SourceReadError(`${name} may not be read: ${error.message}`);
      }
      return new SourceReadError(`${name} could not be read: ${error.message}`);
    }
    return new SourceReadError(`${name} could not be read: ${String(error)}`);
  }
}

/** Reads a stream into a buffer, stopping (and refusing) once it passes `maxBytes`. */
async function readCapped(
  stream: Readable,
  maxBytes: number,
  name: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      total += data.length;
      if (total > maxBytes) throw tooLarge(name, maxBytes);
      chunks.push(data);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}
