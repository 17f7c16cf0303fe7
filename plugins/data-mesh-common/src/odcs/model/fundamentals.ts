import type { OdcsAuthoritativeDefinition, OdcsCustomProperty } from './common';

/**
 * The ODCS versions this suite reads. v3.0.x contracts are read by the v3.1 rules (as the
 * standard's own tooling does); v3.2.0 adds the features marked "v3.2" in this model.
 * @public
 */
export const ODCS_API_VERSIONS = [
  'v3.0.0',
  'v3.0.1',
  'v3.0.2',
  'v3.1.0',
  'v3.2.0',
] as const;

/**
 * One of {@link ODCS_API_VERSIONS}.
 * @public
 */
export type OdcsApiVersion = (typeof ODCS_API_VERSIONS)[number];

/**
 * The contract's high-level description.
 * @public
 */
export interface OdcsDescription {
  /** Intended usage of the dataset. */
  usage?: string;
  /** Purpose of the dataset. */
  purpose?: string;
  /** Limitations of the dataset. */
  limitations?: string;
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  customProperties?: OdcsCustomProperty[];
  /** The standard lets the description carry further keys; they are kept as written. */
  [key: string]: unknown;
}

/**
 * A canonical question for AI and BI tools, with its verified answer when it has one (v3.2).
 * @public
 */
export interface OdcsVerifiedStatement {
  id?: string;
  question: string;
  answer?: string;
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  tags?: string[];
  customProperties?: OdcsCustomProperty[];
}

/**
 * What AI agents and tools must not do with the data (v3.2).
 * @public
 */
export interface OdcsContextConstraint {
  id?: string;
  constraint: string;
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  tags?: string[];
  customProperties?: OdcsCustomProperty[];
}

/**
 * Guidance for AI agents, LLMs, BI and semantic-layer tools (v3.2): a plain string (the
 * instructions alone) or a structured block.
 * @public
 */
export type OdcsContext =
  | string
  | {
      instructions?: string;
      verifiedStatements?: OdcsVerifiedStatement[];
      constraints?: OdcsContextConstraint[];
    };

/**
 * The fundamentals of a contract: what identifies it and what it is about.
 * @public
 */
export interface OdcsFundamentals {
  /** Version of the standard the contract is written in. */
  apiVersion: OdcsApiVersion;
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
  description?: OdcsDescription;
  tags?: string[];
  /** Guidance for AI and semantic tools (v3.2). */
  context?: OdcsContext;
  /** When the contract was created, as an RFC 3339 date-time in UTC. */
  contractCreatedTs?: string;
}
