/**
 * Bounds on what `parseSource` accepts, so that a hostile or broken file is refused
 * quickly with a clear message instead of exhausting memory or the call stack.
 * @public
 */
export interface SourceLimits {
  /** Largest accepted file, in UTF-8 bytes. Default 5 MiB. */
  maxBytes: number;
  /** Deepest accepted nesting of mappings and sequences. Default 64. */
  maxDepth: number;
  /** Most YAML documents accepted in one file. Default 100. */
  maxDocuments: number;
  /**
   * Bound on YAML alias expansion, as the `yaml` package measures it (`maxAliasCount`):
   * how many times anchored nodes may be repeated through aliases, weighted by the
   * aliases nested inside them. Default 100.
   */
  maxAliasCount: number;
}

/**
 * The limits `parseSource` applies when the caller gives none.
 * @public
 */
export const DEFAULT_SOURCE_LIMITS: Readonly<SourceLimits> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 64,
  maxDocuments: 100,
  maxAliasCount: 100,
});

/** Writes a byte count the way people read it: `512 bytes`, `20.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
