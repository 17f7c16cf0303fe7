import type {
  OdcsAuthoritativeDefinition,
  OdcsCustomProperty,
  OdcsScalar,
  OdcsStableId,
} from './common';

/**
 * A person of the team that owns the contract.
 * @public
 */
export interface OdcsTeamMember {
  id?: OdcsStableId;
  /** Username or email. */
  username: string;
  name?: string;
  description?: string;
  /** Job role, e.g. `owner`, `data steward`; free text. */
  role?: string;
  /** Date (YYYY-MM-DD) the person joined. */
  dateIn?: string;
  /** Date (YYYY-MM-DD) the person left. */
  dateOut?: string;
  replacedByUsername?: string;
  tags?: string[];
  customProperties?: OdcsCustomProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
}

/**
 * The team that owns the contract (the v3.1 object form).
 * @public
 */
export interface OdcsTeam {
  id?: OdcsStableId;
  name?: string;
  description?: string;
  members?: OdcsTeamMember[];
  tags?: string[];
  customProperties?: OdcsCustomProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
}

/**
 * `team` as written: the v3.1 object, or the list of members of v3.0 (deprecated, still valid).
 * @public
 */
export type OdcsTeamField = OdcsTeam | OdcsTeamMember[];

/**
 * An access role (e.g. an IAM role) that grants access to the data.
 * @public
 */
export interface OdcsRole {
  id?: OdcsStableId;
  role: string;
  description?: string;
  /** e.g. `read`, `write`. */
  access?: string;
  firstLevelApprovers?: string;
  secondLevelApprovers?: string;
  customProperties?: OdcsCustomProperty[];
}

/**
 * A support or communication channel.
 * @public
 */
export interface OdcsSupportChannel {
  id?: OdcsStableId;
  channel: string;
  url?: string;
  description?: string;
  /** e.g. `email`, `slack`, `teams`, `discord`, `ticket`, `googlechat`, `other`. */
  tool?: string;
  /** e.g. `interactive`, `announcements`, `issues`, `notifications`. */
  scope?: string;
  invitationUrl?: string;
  customProperties?: OdcsCustomProperty[];
}

/**
 * The price of the data.
 * @public
 */
export interface OdcsPrice {
  id?: OdcsStableId;
  priceAmount?: number;
  priceCurrency?: string;
  /** Unit priced, e.g. `megabyte`. */
  priceUnit?: string;
}

/**
 * A service-level agreement property, e.g. `latency`, `retention`, `frequency`,
 * `availability`, `generalAvailability`, `endOfSupport`, `timeOfAvailability`.
 * @public
 */
export interface OdcsSlaProperty {
  id?: OdcsStableId;
  /** The SLA property measured. */
  property: string;
  /** The agreed value (required, may be null). */
  value: OdcsScalar;
  /** A second value, e.g. the end of a range. */
  valueExt?: OdcsScalar;
  /** e.g. `d`, `day`, `days`, `y`, `yr`, `years`. */
  unit?: string;
  /** Element(s) checked, e.g. `orders.created_at`; several separated by commas. */
  element?: string;
  /** Why it matters: `regulatory`, `analytics` or `operational`. */
  driver?: string;
  description?: string;
  scheduler?: string;
  schedule?: string;
  /** v3.2. */
  customProperties?: OdcsCustomProperty[];
  /** v3.2. */
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
}
