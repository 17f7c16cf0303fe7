/**
 * The Open Data Product Standard (ODPS, Bitol) v1.0.0 product descriptor. A data product is
 * not a contract: it names the contracts of its ports by `contractId`. Custom properties and
 * authoritative definitions are the Bitol building blocks ODCS uses too.
 */
import type {
  OdcsAuthoritativeDefinition,
  OdcsCustomProperty,
} from '../odcs/model';
import { everyOf } from '../odcs/model/everyOf';

/** Every ODPS version this suite reads. */
export const ODPS_API_VERSIONS = everyOf<OdpsProduct['apiVersion']>()([
  'v0.9.0',
  'v1.0.0',
] as const);

/**
 * An ODPS data product descriptor. Most of its objects may also carry `tags`,
 * `customProperties` and `authoritativeDefinitions`.
 * @public
 */
export interface OdpsProduct {
  /** The ODPS versions this suite reads. */
  apiVersion: 'v0.9.0' | 'v1.0.0';
  kind: 'DataProduct';
  id: string;
  status: string;
  name?: string;
  version?: string;
  domain?: string;
  tenant?: string;
  description?: {
    purpose?: string;
    limitations?: string;
    usage?: string;
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
  };
  tags?: string[];
  /** Where the product reads data from: another product's output, by its contract. */
  inputPorts?: Array<{
    tags?: string[];
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    name: string;
    version: string;
    /** The contract of the data the port reads. */
    contractId: string;
  }>;
  /** What the product serves; `name` + `version` identify a port. */
  outputPorts?: Array<{
    tags?: string[];
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    name: string;
    version: string;
    description?: string;
    /** e.g. `tables`. */
    type?: string;
    /** The contract the port promises. */
    contractId?: string;
    /** Software bills of materials; `type` defaults to `external`. */
    sbom?: Array<{ type?: string; url: string }>;
    /** The contracts this output is built from. */
    inputContracts?: Array<{ id: string; version: string }>;
  }>;
  /** Access points for managing the product (observability, control, dictionary…). */
  managementPorts?: Array<{
    tags?: string[];
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    name: string;
    /** e.g. `discoverability`, `observability`, `control`, `dictionary`. */
    content: string;
    /** `rest` (default) or `topic`. */
    type?: string;
    url?: string;
    channel?: string;
    description?: string;
  }>;
  /** Support and communication channels. */
  support?: Array<{
    tags?: string[];
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    channel: string;
    url: string;
    description?: string;
    /** e.g. `email`, `slack`, `teams`, `discord`, `ticket`, `other`. */
    tool?: string;
    /** e.g. `interactive`, `announcements`, `issues`. */
    scope?: string;
    invitationUrl?: string;
  }>;
  /** The team that owns the product. */
  team?: {
    tags?: string[];
    customProperties?: OdcsCustomProperty[];
    authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
    name?: string;
    description?: string;
    members?: Array<{
      tags?: string[];
      customProperties?: OdcsCustomProperty[];
      authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
      username: string;
      name?: string;
      description?: string;
      role?: string;
      /** ISO date. */
      dateIn?: string;
      /** ISO date. */
      dateOut?: string;
      replacedByUsername?: string;
    }>;
  };
  /** RFC 3339 date-time. */
  productCreatedTs?: string;
  customProperties?: OdcsCustomProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
}
