import fs from 'node:fs/promises';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type { SourceLocation } from './sourceLocation';
import { stringifySourceLocation } from './sourceLocation';

/**
 * What reading a source gave: its text and a version key (a file's modification time and
 * size, a URL's ETag), or `unchanged` when the caller's key is still current.
 */
export type SourceRead =
  | { unchanged: true; version: string }
  | { unchanged: false; text: string; version?: string };

/** Why a source could not be read, in a sentence a person can act on. */
export class SourceReadError extends Error {
  name = 'SourceReadError';
}

/** The largest contract or product file read (bigger ones are refused, not parsed). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/**
 * Reads contract and product files: `file` locations from the disk, `url` locations through
 * Backstage's URL reader (so the integrations' credentials and allow-lists apply). Given the
 * version key of an earlier read, it answers `unchanged` without reading when it can: a file
 * whose modification time and size are the same, a URL whose ETag still matches.
 */
export class SourceReader {
  constructor(private readonly urlReader: UrlReaderService) {}

  async read(
    location: SourceLocation,
    knownVersion?: string,
  ): Promise<SourceRead> {
    return location.type === 'file'
      ? this.readFile(location, knownVersion)
      : this.readUrl(location, knownVersion);
  }

  private async readFile(
    location: SourceLocation,
    knownVersion?: string,
  ): Promise<SourceRead> {
    let stat;
    try {
      stat = await fs.stat(location.target);
    } catch (error) {
      throw this.failure(location, error);
    }
    if (!stat.isFile()) {
      throw new SourceReadError(`${location.target} is not a file`);
    }
    const version = `${stat.mtimeMs}:${stat.size}`;
    if (knownVersion === version) return { unchanged: true, version };
    if (stat.size > MAX_SOURCE_BYTES) {
      throw new SourceReadError(
        `${location.target} has ${stat.size} bytes, more than the ${MAX_SOURCE_BYTES} a contract file may have`,
      );
    }
    try {
      return {
        unchanged: false,
        text: await fs.readFile(location.target, 'utf8'),
        version,
      };
    } catch (error) {
      throw this.failure(location, error);
    }
  }

  private async readUrl(
    location: SourceLocation,
    knownVersion?: string,
  ): Promise<SourceRead> {
    try {
      const response = await this.urlReader.readUrl(location.target, {
        etag: knownVersion,
      });
      const buffer = await response.buffer();
      if (buffer.length > MAX_SOURCE_BYTES) {
        throw new SourceReadError(
          `${location.target} has ${buffer.length} bytes, more than the ${MAX_SOURCE_BYTES} a contract file may have`,
        );
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
    const where = stringifySourceLocation(location);
    if (isError(error)) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || error.name === 'NotFoundError') {
        return new SourceReadError(
          `${where} does not exist: create it, or fix the annotation that names it`,
        );
      }
      if (code === 'EACCES') {
        return new SourceReadError(
          `${where} cannot be read: the backend has no permission to read it`,
        );
      }
      return new SourceReadError(
        `${where} could not be read: ${error.message}`,
      );
    }
    return new SourceReadError(`${where} could not be read: ${String(error)}`);
  }
}
