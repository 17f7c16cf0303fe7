/**
 * The brief account of a contract: the catalog keeps it on a data product entity, and search
 * indexes it. The catalog lists whole entities (its list API and the catalog table carry
 * every field) and indexes every value of an entity for filtering, so the entity holds the
 * outline without its fields: a product costs the catalog the same however wide its
 * contract. Search lists the fields, bounded by `SUMMARY_LIMITS`; the full contract is
 * served by the data-mesh backend.
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
    /**
     * The object's fields, when the summary lists them (search does; the catalog entity does
     * not).
     */
    fields?: Array<{
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
  /** Whether fields are listed, or only counted. */
  list: boolean;
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
    if (walk.list && walk.listed < SUMMARY_LIMITS.fields) {
      walk.listed += 1;
      const field: ContractFieldSummary = { name };
      if (typeof property.logicalType === 'string')
        field.type = property.logicalType;
      const description = cut(property.description, walk);
      if (description) field.description = description;
      if (personal) field.personalData = true;
      into.push(field);
    } else if (walk.list) {
      walk.truncated = true;
    }
    if (depth < SUMMARY_LIMITS.nestingDepth) {
      summarizeProperties(property.properties, name, depth + 1, into, walk);
    }
  }
}

/**
 * Summarises a (normalised) contract: for search, with its fields, and for the catalog
 * entity, without them (`listFields: false`). The result's size is bounded by
 * `SUMMARY_LIMITS`, so a contract of thousands of fields keeps a small summary.
 * @public
 */
export function summarizeContract(
  contract: OdcsContract,
  options: {
    format: string;
    /** False for the catalog entity's outline: objects without their fields. */
    listFields?: boolean;
  },
): ContractSummary {
  const walk: Walk = {
    list: options.listFields ?? true,
    listed: 0,
    counted: 0,
    personalData: false,
    truncated: false,
  };
  const objects: ContractObjectSummary[] = [];
  for (const object of contract.schema ?? []) {
    if (!object || typeof object.name !== 'string') continue;
    const fields: ContractFieldSummary[] = [];
    const summary: ContractObjectSummary = { name: object.name };
    const description = cut(object.description, walk);
    if (description) summary.description = description;
    summarizeProperties(object.properties, '', 1, fields, walk);
    if (walk.list) summary.fields = fields;
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
    (object.fields ?? []).map(field => `${object.name}.${field.name}`),
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
export type ContractFieldSummary = NonNullable<
  ContractObjectSummary['fields']
>[number];
