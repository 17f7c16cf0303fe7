import { everyOf } from './everyOf';
import type { OdcsAuthoritativeDefinition, OdcsCustomProperty } from './common';
import type { OdcsSchemaObject } from './schema';
import type { OdcsServer } from './servers';

/**
 * An ODCS v3 data contract (Bitol Open Data Contract Standard), the suite's canonical
 * contract model. Keys are named and nested exactly as in the standard, so a contract read
 * from YAML is this type once `validateOdcs` reports no error.
 * @public
 */
export interface OdcsContract {
  /**
   * Version of the standard the contract is written in. v3.0.x contracts are read by the
   * v3.1 rules (as the standard's own tooling does); v3.2.0 adds the features marked "v3.2".
   */
  apiVersion: 'v3.0.0' | 'v3.0.1' | 'v3.0.2' | 'v3.1.0' | 'v3.2.0';
  kind: 'DataContract';
  /** Unique identifier of the contract, e.g. a UUID. */
  id: string;
  /** Version of the contract itself. */
  version: string;
  /**
   * Lifecycle status, e.g. `proposed`, `draft`, `active`, `deprecated`, `retired`.
   * Required up to v3.1; optional from v3.2.
   */
  status?: string;
  name?: string;
  /** The organisation or tenant the data primarily belongs to. */
  tenant?: string;
  /** Logical data domain. */
  domain?: string;
  /** Name of the data product. Deprecated since v3.1. */
  dataProduct?: string;
  /** The contract's high-level description; it may carry further keys, kept as written. */
  description?: {
    /** Intended usage of the dataset. */
    usage?: string;
    /** Purpose of the dataset. */
    purpose?: string;
    /** Limitations of the dataset. */
    limitations?: string;
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    customProperties?: OdcsCustomProperty[];
    [key: string]: unknown;
  };
  tags?: string[];
  /**
   * Guidance for AI agents, LLMs, BI and semantic-layer tools (v3.2): a plain string (the
   * instructions alone) or a structured block with canonical questions and what tools must
   * not do with the data.
   */
  context?:
    | string
    | {
        instructions?: string;
        verifiedStatements?: Array<{
          id?: string;
          question: string;
          answer?: string;
          tags?: string[];
          customProperties?: OdcsCustomProperty[];
          authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
        }>;
        constraints?: Array<{
          id?: string;
          constraint: string;
          tags?: string[];
          customProperties?: OdcsCustomProperty[];
          authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
        }>;
      };
  /** When the contract was created, as an RFC 3339 date-time in UTC. */
  contractCreatedTs?: string;
  /** The tables, views, topics, files... and their properties. */
  schema?: OdcsSchemaObject[];
  /** Where the data lives. */
  servers?: OdcsServer[];
  /**
   * The owning team: the v3.1 object, or the list of members of v3.0 (deprecated, still
   * valid). A member's `username` is a username or e-mail; `dateIn`/`dateOut` are dates
   * (YYYY-MM-DD).
   */
  team?:
    | {
        id?: string;
        name?: string;
        description?: string;
        members?: OdcsTeamMember[];
        tags?: string[];
        customProperties?: OdcsCustomProperty[];
        authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
      }
    | OdcsTeamMember[];
  /** Access roles (e.g. IAM roles) that grant access to the data; `access` e.g. `read`. */
  roles?: Array<{
    id?: string;
    role: string;
    description?: string;
    access?: string;
    firstLevelApprovers?: string;
    secondLevelApprovers?: string;
    customProperties?: OdcsCustomProperty[];
  }>;
  /**
   * Support and communication channels: `tool` e.g. `email`, `slack`, `teams`, `ticket`;
   * `scope` e.g. `interactive`, `announcements`, `issues`, `notifications`.
   */
  support?: Array<{
    id?: string;
    channel: string;
    url?: string;
    description?: string;
    tool?: string;
    scope?: string;
    invitationUrl?: string;
    customProperties?: OdcsCustomProperty[];
  }>;
  /** The price of the data; `priceUnit` is the unit priced, e.g. `megabyte`. */
  price?: {
    id?: string;
    priceAmount?: number;
    priceCurrency?: string;
    priceUnit?: string;
  };
  /** Element the SLA properties apply to by default. Deprecated since v3.1. */
  slaDefaultElement?: string;
  slaProperties?: OdcsSlaProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  customProperties?: OdcsCustomProperty[];
}

/**
 * A person of the team that owns the contract.
 * @public
 */
export interface OdcsTeamMember {
  id?: string;
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
 * A service-level agreement property, e.g. `latency`, `retention`, `frequency`,
 * `availability`, `generalAvailability`, `endOfSupport`, `timeOfAvailability`.
 * @public
 */
export interface OdcsSlaProperty {
  id?: string;
  /** The SLA property measured. */
  property: string;
  /** The agreed value (required, may be null). */
  value: string | number | boolean | null;
  /** A second value, e.g. the end of a range. */
  valueExt?: string | number | boolean | null;
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

/** Every ODCS version this suite reads. */
export const ODCS_API_VERSIONS = everyOf<OdcsContract['apiVersion']>()([
  'v3.0.0',
  'v3.0.1',
  'v3.0.2',
  'v3.1.0',
  'v3.2.0',
] as const);
