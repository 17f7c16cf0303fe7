import path from 'node:path';
import type { LocationSpec } from '@backstage/plugin-catalog-node';

/**
 * A file the processor reads for a data product: its contract, or its ODPS product descriptor.
 * `file` targets are absolute paths, `url` targets absolute URLs.
 */
export interface SourceLocation {
  type: 'file' | 'url';
  target: string;
}

/** Resolves a reference against a URL base the way the SCM integrations do. */
export type ResolveUrl = (options: { url: string; base: string }) => string;

/** Why a reference could not be resolved, in a sentence a person can act on. */
export class SourceLocationError extends Error {
  name = 'SourceLocationError';
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `file:/abs/path` or `url:https://…`: how the catalog writes location references. */
export function stringifySourceLocation(location: SourceLocation): string {
  return `${location.type}:${location.target}`;
}

/**
 * Where a reference written in an entity (or in an ODPS file) points, relative to the file it
 * is written in (`base`).
 *
 * - An absolute URL is read as it is, through the URL reader.
 * - Relative to a `url` base: resolved against that URL.
 * - Relative to a `file` base: resolved against the base's directory, and refused when the
 *   result leaves that directory (`../`, or an absolute path elsewhere on the disk): a
 *   catalog file may only point at files beside or below it.
 */
export function resolveSourceLocation(
  reference: string,
  base: SourceLocation | LocationSpec,
  resolveUrl: ResolveUrl,
  annotation: string,
): SourceLocation {
  const written = reference.trim();
  if (!written) {
    throw new SourceLocationError(
      `${annotation} is empty: write the path of the file, relative to ${base.target}`,
    );
  }
  if (ABSOLUTE_URL.test(written)) {
    if (written.toLowerCase().startsWith('file://')) {
      throw new SourceLocationError(
        `${annotation} "${written}" is a file:// URL; write a path relative to the catalog file instead`,
      );
    }
    return { type: 'url', target: written };
  }
  if (base.type === 'url') {
    return {
      type: 'url',
      target: resolveUrl({ url: written, base: base.target }),
    };
  }
  if (base.type !== 'file') {
    throw new SourceLocationError(
      `${annotation} "${written}" is relative, but the entity comes from a "${base.type}" location, which has no files beside it: use an absolute URL`,
    );
  }
  const directory = path.dirname(base.target);
  const target = path.resolve(directory, written);
  const inside = path.relative(directory, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new SourceLocationError(
      `${annotation} "${written}" points outside the directory of ${base.target}; keep the file beside or below the catalog file`,
    );
  }
  return { type: 'file', target };
}
