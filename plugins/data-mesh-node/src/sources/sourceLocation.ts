import path from 'node:path';
import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';

/**
 * A file read for a data product: its contract, or its ODPS product descriptor.
 *
 * A `file` target is an absolute path, and `root` the directory of the catalog file that
 * named it: the file must lie inside that directory, also once symbolic links are followed.
 * A `url` target is an absolute URL, read through a URL reader.
 *
 * @public
 */
export type SourceLocation =
  | { type: 'file'; target: string; root: string }
  | { type: 'url'; target: string };

/**
 * The file an entity or a descriptor is written in, as the catalog gives it (a `LocationSpec`:
 * `file` with an absolute path, `url` with an absolute URL, or another type), or a
 * {@link SourceLocation} that names further files (an ODPS descriptor).
 *
 * @public
 */
export type SourceBase = SourceLocation | { type: string; target: string };

/**
 * Resolves a reference against a URL base the way the SCM integrations do.
 *
 * @public
 */
export type ResolveUrl = (options: { url: string; base: string }) => string;

/**
 * Why a reference cannot be resolved, in a sentence a person can act on.
 *
 * @public
 */
export class SourceLocationError extends Error {
  name = 'SourceLocationError';
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * True when a reference is an absolute URL (`https://…`, or any `scheme://`).
 *
 * @public
 */
export function isAbsoluteUrl(reference: string): boolean {
  return ABSOLUTE_URL.test(reference.trim());
}

/**
 * `file:/abs/path` or `url:https://…`: how the catalog writes location references.
 *
 * @public
 */
export function stringifySourceLocation(location: SourceLocation): string {
  return `${location.type}:${location.target}`;
}

/**
 * How a source is named to people without telling where the host keeps it: a file as its
 * path relative to the catalog file's directory (`./contracts/orders.odcs.yaml`), a URL as
 * it is.
 *
 * @public
 */
export function describeSourceLocation(location: SourceLocation): string {
  if (location.type === 'url') return location.target;
  const inside = path.relative(location.root, location.target);
  return `./${inside.split(path.sep).join('/')}`;
}

/** True when `target` is `directory` itself or lies below it (paths compared as written). */
export function isInsideDirectory(directory: string, target: string): boolean {
  const inside = path.relative(directory, target);
  return (
    inside !== '' &&
    inside !== '..' &&
    !inside.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(inside)
  );
}

/**
 * Where a reference written in an entity (or in an ODPS file) points, relative to the file it
 * is written in (`base`).
 *
 * - An absolute URL is read as it is, through the URL reader; `file://` URLs are refused.
 * - Relative to a `url` base: resolved against that URL with `resolveUrl` (the SCM
 *   integrations' rules).
 * - Relative to a `file` base: resolved against the base's directory, and refused when the
 *   result leaves that directory (`../`, or an absolute path elsewhere on the disk): a catalog
 *   file may only point at files beside or below it. The reader checks the same again once
 *   symbolic links are followed.
 *
 * @param reference - the reference as written
 * @param base - the file it is written in
 * @param resolveUrl - how references are resolved against URLs
 * @param annotation - what holds the reference, for messages (e.g. `data-mesh/contract`)
 * @throws SourceLocationError when the reference cannot be followed
 * @public
 */
export function resolveSourceLocation(
  reference: string,
  base: SourceBase,
  resolveUrl: ResolveUrl,
  annotation: string,
): SourceLocation {
  const written = reference.trim();
  const baseName = path.basename(base.target) || base.target;
  if (!written) {
    throw new SourceLocationError(
      `${annotation} is empty: write the path of the file, relative to ${baseName}`,
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
  if (base.type !== 'file' || !path.isAbsolute(base.target)) {
    throw new SourceLocationError(
      `${annotation} "${written}" is relative, but the entity comes from ${
        base.type ? `a "${base.type}" location` : 'no location'
      }, which has no files beside it: use an absolute URL`,
    );
  }
  const directory = path.dirname(base.target);
  const root = 'root' in base ? base.root : directory;
  const target = path.resolve(directory, written);
  if (
    !isInsideDirectory(directory, target) ||
    !isInsideDirectory(root, target)
  ) {
    throw new SourceLocationError(
      `${annotation} "${written}" points outside the directory of ${baseName}; keep the file beside or below ${baseName}`,
    );
  }
  return { type: 'file', target, root };
}

/**
 * The {@link ResolveUrl} of the SCM integrations configured under `integrations`, as the
 * catalog resolves relative references.
 *
 * @public
 */
export function scmResolveUrl(config: Config): ResolveUrl {
  const integrations = ScmIntegrations.fromConfig(config);
  return options => integrations.resolveUrl(options);
}
