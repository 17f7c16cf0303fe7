import type {
  BreakingChangeGate,
  ContractDiff,
  ProductConsumer,
  ProductVerdict,
  VersionBump,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * One version of a product's contract the portal knows.
 * @public
 */
export interface ContractVersionView {
  /** The contract's `version`, as written. */
  version?: string;
  /** Identifies the version: a hash of the normalised contract, or `changelog:<version>`. */
  id: string;
  /**
   * `seen`: the catalog served it; `announced`: its producer announced it before publishing
   * (or recorded it afterwards); `changelog`: only the current contract's changelog names it.
   */
  source: 'seen' | 'announced' | 'changelog';
  /** The version the catalog serves now. */
  current: boolean;
  /** ISO 8601. */
  firstSeenAt: string;
  announcedAt?: string;
  publishedAt?: string;
  /** The version it follows (by publication, or the current one for an announced version). */
  previousVersion?: string;
  previousId?: string;
  /** From the diff with the previous version, else from the changelog. */
  breaking?: boolean;
  requiredBump?: VersionBump;
  counts?: { breaking: number; warning: number; info: number };
  /** What the changelog says of it. */
  changelog?: string[];
  /** Its contract is kept, so it can be compared. */
  comparable: boolean;
  /** For a breaking version: who it hits and who acknowledged. */
  gate?: BreakingChangeGate;
}

/**
 * `GET /api/data-mesh/products/:namespace/:name/versions`, newest first.
 * @public
 */
export interface ContractVersionsResponse {
  items: ContractVersionView[];
}

/**
 * `GET /api/data-mesh/products/:namespace/:name/versions/diff?from=&to=` (ids or versions).
 * @public
 */
export interface ContractVersionDiffResponse {
  from: ContractVersionView;
  to: ContractVersionView;
  diff: ContractDiff;
}

/**
 * `POST /api/data-mesh/products/:namespace/:name/versions`: a producer announces a coming
 * version (or records a past one with `publishedAt`).
 * @public
 */
export interface AnnounceContractVersionRequest {
  /** The contract, as text in any format the suite reads, or as an object. */
  contract: string | Record<string, unknown>;
  /** When it was published, for a past version (ISO 8601). */
  publishedAt?: string;
}

/**
 * `POST /api/data-mesh/products/:namespace/:name/versions/:id/acknowledgements`: a hit
 * consumer's owner answers.
 * @public
 */
export interface AcknowledgeVersionRequest {
  /** The consumer (its product's entity ref, or the grant holder). */
  consumer: string;
  decision: 'acknowledged' | 'more-time';
  note?: string;
  /** For `more-time`: until when (ISO 8601). */
  until?: string;
  /**
   * For a service answering for a person (an approval workflow outside the portal): the user
   * who answered, as an entity ref. Users leave it out.
   */
  onBehalfOf?: string;
}

/**
 * `GET /api/data-mesh/products/:namespace/:name/consumers`.
 * @public
 */
export interface ProductConsumersResponse {
  items: ProductConsumer[];
}

/**
 * `POST /api/data-mesh/products/:namespace/:name/impact` with a new contract: what the
 * change breaks and for whom, and the gate the version would wait at (the same list the CLI's
 * `data-mesh diff --consumers` prints).
 * @public
 */
export interface ContractImpactResponse {
  diff: ContractDiff;
  /** The version as the portal knows it, when it was announced or seen already. */
  version?: ContractVersionView;
  gate: BreakingChangeGate;
  /**
   * The governance verdict the version would get, with its gate (policies read it as
   * `gate`); absent when governance is switched off.
   */
  verdict?: ProductVerdict;
}
