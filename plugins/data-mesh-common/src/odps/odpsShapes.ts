/**
 * The ODPS v1.0.0 JSON Schema as a table (a spec fact): for each object, its required keys
 * and the kind of value each key holds. Every ODPS object is closed (`additionalProperties:
 * false`), so a key not listed here is an error.
 */

/** The name of an ODPS object shape. */
export type OdpsShapeName =
  | 'Product'
  | 'Description'
  | 'CustomProperty'
  | 'AuthoritativeDefinition'
  | 'InputPort'
  | 'OutputPort'
  | 'Sbom'
  | 'InputContract'
  | 'ManagementPort'
  | 'Support'
  | 'TeamMember'
  | 'Team';

/** The kind of a value: a scalar kind, an object shape, or a list of either. */
export type OdpsValueKind =
  | 'string'
  | 'uri'
  | 'date'
  | 'date-time'
  | 'any'
  | { shape: OdpsShapeName }
  | { list: 'string' | { shape: OdpsShapeName } };

/** An object of the standard: which keys it needs, and what each key holds. */
export interface OdpsShape {
  required: readonly string[];
  fields: Readonly<Record<string, OdpsValueKind>>;
}

const tags: OdpsValueKind = { list: 'string' };
const extensible: Record<string, OdpsValueKind> = {
  tags,
  customProperties: { list: { shape: 'CustomProperty' } },
  authoritativeDefinitions: { list: { shape: 'AuthoritativeDefinition' } },
};

/** The object shapes of ODPS v1.0.0 (`$defs`, plus the product itself). */
export const ODPS_SHAPES: Readonly<Record<OdpsShapeName, OdpsShape>> = {
  Product: {
    required: ['apiVersion', 'kind', 'id', 'status'],
    fields: {
      apiVersion: 'string',
      kind: 'string',
      id: 'string',
      name: 'string',
      version: 'string',
      status: 'string',
      domain: 'string',
      tenant: 'string',
      authoritativeDefinitions: { list: { shape: 'AuthoritativeDefinition' } },
      description: { shape: 'Description' },
      customProperties: { list: { shape: 'CustomProperty' } },
      tags,
      inputPorts: { list: { shape: 'InputPort' } },
      outputPorts: { list: { shape: 'OutputPort' } },
      managementPorts: { list: { shape: 'ManagementPort' } },
      support: { list: { shape: 'Support' } },
      team: { shape: 'Team' },
      productCreatedTs: 'date-time',
    },
  },
  Description: {
    required: [],
    fields: {
      purpose: 'string',
      limitations: 'string',
      usage: 'string',
      authoritativeDefinitions: { list: { shape: 'AuthoritativeDefinition' } },
      customProperties: { list: { shape: 'CustomProperty' } },
    },
  },
  CustomProperty: {
    required: ['property', 'value'],
    fields: { property: 'string', value: 'any', description: 'string' },
  },
  AuthoritativeDefinition: {
    required: ['type', 'url'],
    fields: { type: 'string', url: 'uri', description: 'string' },
  },
  InputPort: {
    required: ['name', 'version', 'contractId'],
    fields: {
      name: 'string',
      version: 'string',
      contractId: 'string',
      ...extensible,
    },
  },
  OutputPort: {
    required: ['name', 'version'],
    fields: {
      name: 'string',
      description: 'string',
      type: 'string',
      version: 'string',
      contractId: 'string',
      sbom: { list: { shape: 'Sbom' } },
      inputContracts: { list: { shape: 'InputContract' } },
      ...extensible,
    },
  },
  Sbom: { required: ['url'], fields: { type: 'string', url: 'uri' } },
  InputContract: {
    required: ['id', 'version'],
    fields: { id: 'string', version: 'string' },
  },
  ManagementPort: {
    required: ['name', 'content'],
    fields: {
      name: 'string',
      content: 'string',
      type: 'string',
      url: 'uri',
      channel: 'string',
      description: 'string',
      ...extensible,
    },
  },
  Support: {
    required: ['channel', 'url'],
    fields: {
      channel: 'string',
      url: 'uri',
      description: 'string',
      tool: 'string',
      scope: 'string',
      invitationUrl: 'uri',
      ...extensible,
    },
  },
  TeamMember: {
    required: ['username'],
    fields: {
      username: 'string',
      name: 'string',
      description: 'string',
      role: 'string',
      dateIn: 'date',
      dateOut: 'date',
      replacedByUsername: 'string',
      ...extensible,
    },
  },
  Team: {
    required: [],
    fields: {
      name: 'string',
      description: 'string',
      members: { list: { shape: 'TeamMember' } },
      ...extensible,
    },
  },
};
