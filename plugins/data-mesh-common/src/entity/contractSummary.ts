/**
 * The brief account of a contract that the catalog keeps on a data product entity. The
 * catalog lists whole entities (its list API and the catalog table carry every field), so
 * the entity holds this bounded summary, never the full contract: enough to list, filter and
 * search products by their fields; the full contract is served by the data-mesh backend.
 */
import type { OdcsContract, OdcsSchemaProperty } from '../odcs/model';
import { isPersonalData } from '../pii';

/**
 * What a contract says, in brief: identity, format, and the outline of its schema.
 * @public
 */
export interface ContractSummary {
  id: string;
  version: string;
  name?: string;
  /** The contract's own status (`active`, `draft`, …). */
  status?: string;
  /** The format the contract was written in (`odcs`, `dcs`, `datamesh-v1`, `data-product-yaml`). */
  format: string;
  domain?: string;
  /** The contract's purpose, cut to `SUMMARY_LIMITS.descriptionLength` characters. */
  description?: string;
  /** How many fields the schema has in all (also those left out of `objects`). */
  fieldCount: number;
  /** True when at least one field holds personal data. */
  personalData: boolean;
  objects: Array<{
    name: string;
    description?: string;
    fields: Array<{
      name: string;
      /** The logical type (`string`, `number`, `date`, …) when the contract gives one. */
      type?: string;
      /** The description, cut to `SUMMARY_LIMITS.descriptionLength` characters. */
      description?: string;
      /** Present (true) when the field holds personal data. */
      personalData?: true;
    }>;
  }>;
  /** True when fields or descriptions were left out to keep the entity small. */
  truncated?: true;
}

/**
 * A port the data product serves, with the contract that describes it.
 * @public
 */
export interface DataProductOutputPort {
  name: string;
  contractId?: string;
  version?: string;
  type?: string;
  description?: string;
}

/**
 * The bounds that keep a summary small whatever the contract's size.
 * @public
 */
export const SUMMARY_LIMITS = Object.freeze({
  /** Fields listed across all objects; the rest are counted in `fieldCount` only. */
  fields: 200,
  /** Characters kept of each description. */
  descriptionLength: 200,
  /** Depth of nested properties flattened into dotted names. */
  nestingDepth: 3,
});

function cut(text: unknown, state: { truncated: boolean }): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  if (trimmed.length <= SUMMARY_LIMITS.descriptionLength) return trimmed;
  state.truncated = true;
  return `${trimmed.slice(0, SUMMARY_LIMITS.descriptionLength - 1)}…`;
}

interface Walk {
  listed: number;
  counted: number;
  personalData: boolean;
  truncated: boolean;
}

function summarizeProperties(
  properties: readonly OdcsSchemaProperty[] | undefined,
  prefix: string,
  depth: number,
  into: ContractFieldSummary[],
  walk: Walk,
) {
  if (!Array.isArray(properties)) return;
  for (const property of properties) {
    if (!property || typeof property.name !== 'string') continue;
    const name = prefix ? `${prefix}.${property.name}` : property.name;
    const personal = isPersonalData(property);
    walk.counted += 1;
    if (personal) walk.personalData = true;
    if (walk.listed < SUMMARY_LIMITS.fields) {
      walk.listed += 1;
      const field: ContractFieldSummary = { name };
      if (typeof property.logicalType === 'string')
        field.type = property.logicalType;
      const description = cut(property.description, walk);
      if (description) field.description = description;
      if (personal) field.personalData = true;
      into.push(field);
    } else {
      walk.truncated = true;
    }
    if (depth < SUMMARY_LIMITS.nestingDepth) {
      summarizeProperties(property.properties, name, depth + 1, into, walk);
    }
  }
}

/**
 * Summarises a (normalised) contract for the catalog entity. The result's size is bounded by
 * `SUMMARY_LIMITS`, so a contract of thousands of fields keeps a small entity.
 * @public
 */
export function summarizeContract(
  contract: OdcsContract,
  options: { format: string },
): ContractSummary {
  const walk: Walk = {
    listed: 0,
    counted: 0,
    personalData: false,
    truncated: false,
  };
  const objects: ContractObjectSummary[] = [];
  for (const object of contract.schema ?? []) {
    if (!object || typeof object.name !== 'string') continue;
    const summary: ContractObjectSummary = { name: object.name, fields: [] };
    const description = cut(object.description, walk);
    if (description) summary.description = description;
    summarizeProperties(object.properties, '', 1, summary.fields, walk);
    objects.push(summary);
  }
  const result: ContractSummary = {
    id: contract.id,
    version: contract.version,
    format: options.format,
    fieldCount: walk.counted,
    personalData: walk.personalData,
    objects,
  };
  if (contract.name) result.name = contract.name;
  if (contract.status) result.status = contract.status;
  if (contract.domain) result.domain = contract.domain;
  const purpose = cut(contract.description?.purpose, walk);
  if (purpose) result.description = purpose;
  if (walk.truncated) result.truncated = true;
  return result;
}

/**
 * Every field name of a summary, written `object.field`: what search indexes.
 * @public
 */
export function summaryFieldNames(summary: ContractSummary): string[] {
  return summary.objects.flatMap(object =>
    object.fields.map(field => `${object.name}.${field.name}`),
  );
}

/**
 * One schema object (table, topic, file) of a contract, in brief.
 */
export type ContractObjectSummary = ContractSummary['objects'][number];

/**
 * One field of a contract object, in brief. Nested properties are flattened to dotted names
 * (`address.city`).
 */
export type ContractFieldSummary = ContractObjectSummary['fields'][number];
