/**
 * How much a change between two versions of a contract matters to its consumers.
 *
 * - `breaking`: a consumer that relied on the old promise can fail (a field removed, a wider
 *   range, a slower freshness...). Needs a major version.
 * - `warning`: the promise changed in a way a consumer should look at, but that should not
 *   break a careful one (a quality check relaxed, a key narrowed). Needs at least a minor version.
 * - `info`: additions and stronger promises, documentation. Needs a minor or patch version.
 *
 * @public
 */
export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/**
 * The smallest semantic-version increment a set of changes needs.
 *
 * @public
 */
export type VersionBump = 'major' | 'minor' | 'patch' | 'none';

/**
 * What changed, in one word-group. Stable identifiers that tools and policies can match on.
 *
 * @public
 */
export type ChangeKind =
  | 'object-added'
  | 'object-removed'
  | 'object-renamed'
  | 'property-added'
  | 'property-removed'
  | 'property-renamed'
  | 'physical-name-changed'
  | 'type-changed'
  | 'required-changed'
  | 'unique-changed'
  | 'primary-key-changed'
  | 'partitioning-changed'
  | 'constraint-changed'
  | 'enum-changed'
  | 'classification-changed'
  | 'pii-changed'
  | 'relationship-changed'
  | 'quality-added'
  | 'quality-removed'
  | 'quality-changed'
  | 'sla-added'
  | 'sla-removed'
  | 'sla-changed'
  | 'server-added'
  | 'server-removed'
  | 'server-changed'
  | 'status-changed'
  | 'identity-changed'
  | 'version-changed'
  | 'description-changed'
  | 'metadata-changed';

/**
 * One classified difference between two versions of a contract.
 *
 * @public
 */
export interface ContractChange {
  /**
   * Where the change is, by names rather than positions, so that reordering a list does not
   * move it: `schema.orders.properties.status.required`, `slaProperties.freshness`,
   * `servers.production.host`.
   */
  path: string;
  /** What kind of change this is. */
  kind: ChangeKind;
  /** How much it matters to consumers. */
  severity: ChangeSeverity;
  /** One sentence for a person: what changed and who it hits. */
  message: string;
  /** The version increment this change alone needs. */
  bump: VersionBump;
  /** The value before the change, when there was one and it is short. */
  before?: unknown;
  /** The value after the change, when there is one and it is short. */
  after?: unknown;
}

/**
 * The classified difference between two versions of a contract.
 *
 * @public
 */
export interface ContractDiff {
  /** Every change found, breaking ones first, then in contract order. */
  changes: ContractChange[];
  /** The largest bump any change needs (`none` when nothing changed). */
  requiredBump: VersionBump;
  /** The version of the old contract, as written. */
  oldVersion?: string;
  /** The version of the new contract, as written. */
  newVersion?: string;
  /** The increment from the old version to the new one (`none` when equal or not comparable). */
  actualBump: VersionBump;
  /** Whether the new version number satisfies {@link ContractDiff.requiredBump}. */
  versionOk: boolean;
  /** One sentence explaining {@link ContractDiff.versionOk}. */
  versionMessage: string;
}

/**
 * A part of the ODCS model as the diff meets it: the model's own type with every key
 * optional, at any depth. Contracts reach the diff from several readers and versions, so the
 * diff reads each value as possibly absent or of another shape, and checks before using it.
 */
export type Partly<T> = T extends readonly (infer Item)[]
  ? readonly Partly<Item>[]
  : T extends object
  ? { [Key in keyof T]?: Partly<T[Key]> }
  : T;

/** The value of any key of a contract part, for code that compares keys by name. */
export function valueAt(part: object, key: string): unknown {
  return Object.hasOwn(part, key)
    ? (part as Record<string, unknown>)[key]
    : undefined;
}
