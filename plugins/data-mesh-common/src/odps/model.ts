/**
 * The Open Data Product Standard (ODPS, Bitol) v1.0.0 product descriptor. A data product is
 * not a contract: it names the contracts of its ports by `contractId`.
 */

/**
 * The ODPS versions this suite reads.
 * @public
 */
export const ODPS_API_VERSIONS = ['v0.9.0', 'v1.0.0'] as const;

/** @public */
export type OdpsApiVersion = (typeof ODPS_API_VERSIONS)[number];

/** A key/value pair for anything the standard does not define. @public */
export interface OdpsCustomProperty {
  property: string;
  value: unknown;
  description?: string;
}

/** A link to a source that defines or explains the element. @public */
export interface OdpsAuthoritativeDefinition {
  type: string;
  url: string;
  description?: string;
}

/** What most ODPS objects carry for extension and documentation. @public */
export interface OdpsExtensible {
  tags?: string[];
  customProperties?: OdpsCustomProperty[];
  authoritativeDefinitions?: OdpsAuthoritativeDefinition[];
}

/** The product's description. @public */
export interface OdpsDescription {
  purpose?: string;
  limitations?: string;
  usage?: string;
  customProperties?: OdpsCustomProperty[];
  authoritativeDefinitions?: OdpsAuthoritativeDefinition[];
}

/** Where the product reads data from: another product's output, by its contract. @public */
export interface OdpsInputPort extends OdpsExtensible {
  name: string;
  version: string;
  /** The contract of the data the port reads. */
  contractId: string;
}

/** A contract an output port depends on. @public */
export interface OdpsInputContract {
  id: string;
  version: string;
}

/** A software bill of materials of an output port. @public */
export interface OdpsSbom {
  /** Default `external`. */
  type?: string;
  url: string;
}

/** What the product serves; `name` + `version` identify it. @public */
export interface OdpsOutputPort extends OdpsExtensible {
  name: string;
  version: string;
  description?: string;
  /** e.g. `tables`. */
  type?: string;
  /** The contract the port promises. */
  contractId?: string;
  sbom?: OdpsSbom[];
  /** The contracts this output is built from. */
  inputContracts?: OdpsInputContract[];
}

/** An access point for managing the product (observability, control, dictionary…). @public */
export interface OdpsManagementPort extends OdpsExtensible {
  name: string;
  /** e.g. `discoverability`, `observability`, `control`, `dictionary`. */
  content: string;
  /** `rest` (default) or `topic`. */
  type?: string;
  url?: string;
  channel?: string;
  description?: string;
}

/** A support or communication channel. @public */
export interface OdpsSupportChannel extends OdpsExtensible {
  channel: string;
  url: string;
  description?: string;
  /** e.g. `email`, `slack`, `teams`, `discord`, `ticket`, `other`. */
  tool?: string;
  /** e.g. `interactive`, `announcements`, `issues`. */
  scope?: string;
  invitationUrl?: string;
}

/** A member of the product team. @public */
export interface OdpsTeamMember extends OdpsExtensible {
  username: string;
  name?: string;
  description?: string;
  role?: string;
  /** ISO date. */
  dateIn?: string;
  /** ISO date. */
  dateOut?: string;
  replacedByUsername?: string;
}

/** The team that owns the product. @public */
export interface OdpsTeam extends OdpsExtensible {
  name?: string;
  description?: string;
  members?: OdpsTeamMember[];
}

/**
 * An ODPS data product descriptor.
 * @public
 */
export interface OdpsProduct {
  apiVersion: OdpsApiVersion;
  kind: 'DataProduct';
  id: string;
  status: string;
  name?: string;
  version?: string;
  domain?: string;
  tenant?: string;
  description?: OdpsDescription;
  tags?: string[];
  inputPorts?: OdpsInputPort[];
  outputPorts?: OdpsOutputPort[];
  managementPorts?: OdpsManagementPort[];
  support?: OdpsSupportChannel[];
  team?: OdpsTeam;
  /** RFC 3339 date-time. */
  productCreatedTs?: string;
  customProperties?: OdpsCustomProperty[];
  authoritativeDefinitions?: OdpsAuthoritativeDefinition[];
}
