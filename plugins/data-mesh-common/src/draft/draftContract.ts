import type {
  OdcsContract,
  OdcsCustomProperty,
  OdcsSchemaObject,
  OdcsSupportChannel,
} from '../odcs/model';
import { numberPrimaryKey, propertyOf } from './fields';
import { objectNameOf, refName, text } from './names';
import { serverOf } from './servers';
import { slaPropertiesOf } from './serviceLevels';
import type { DataProductDraftInput } from './types';

/** ODCS `status` for an entity lifecycle. */
const STATUS_BY_LIFECYCLE: Record<string, string> = {
  experimental: 'draft',
  production: 'active',
  deprecated: 'deprecated',
};

/** A support channel from an e-mail address or a URL. */
function supportOf(
  contact: string | undefined,
): OdcsSupportChannel[] | undefined {
  if (!contact) return undefined;
  if (/^[^@\s/]+@[^@\s/]+$/.test(contact)) {
    return [{ channel: 'email', tool: 'email', url: `mailto:${contact}` }];
  }
  if (/^mailto:/i.test(contact))
    return [{ channel: 'email', tool: 'email', url: contact }];
  return [{ channel: 'support', url: contact }];
}

function customPropertiesOf(
  input: DataProductDraftInput,
): OdcsCustomProperty[] {
  const out: OdcsCustomProperty[] = [];
  const kind = text(input.productKind);
  if (kind) out.push({ property: 'productKind', value: kind });
  const category = text(input.dataCategory);
  if (category)
    out.push({ property: 'dataCategory', value: category.toLowerCase() });
  if (input.auditLogging) out.push({ property: 'auditLogging', value: true });
  return out;
}

/**
 * The name of the schema object the contract describes.
 * @public
 */
export function draftObjectName(input: DataProductDraftInput): string {
  return (
    text(input.objectName) ?? (objectNameOf(text(input.name) ?? '') || 'data')
  );
}

/**
 * The ODCS v3.1 contract of a new data product, from the template's form. What the form
 * leaves out stays out, so that governance can say what is missing; the draft adds only what
 * follows from the form: the contract id (`urn:datacontract:<domain>:<name>`), the status
 * from the lifecycle, physical types from logical ones, one object-level `rowCount` rule and
 * the quality rules the fields' constraints imply (required → `nullValues`, unique →
 * `duplicateValues`).
 *
 * @public
 */
export function draftContract(input: DataProductDraftInput): OdcsContract {
  const name = text(input.name) ?? 'new-data-product';
  const domain = refName(input.domain);
  const lifecycle = text(input.lifecycle) ?? 'experimental';
  const objectName = draftObjectName(input);
  const properties = (input.fields ?? [])
    .filter(field => field && typeof field === 'object')
    .map(propertyOf);
  numberPrimaryKey(properties);

  const contract: OdcsContract = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: `urn:datacontract:${domain ?? 'default'}:${name}`,
    name: text(input.title) ?? name,
    version: text(input.version) ?? '1.0.0',
    status: STATUS_BY_LIFECYCLE[lifecycle] ?? 'draft',
  };
  if (domain) contract.domain = domain;
  const purpose = text(input.description);
  const usage = text(input.usage);
  if (purpose || usage) {
    contract.description = {};
    if (purpose) contract.description.purpose = purpose;
    if (usage) contract.description.usage = usage;
  }
  const tags = (input.tags ?? []).map(text).filter((t): t is string => !!t);
  if (tags.length > 0) contract.tags = tags;

  const server = serverOf(input.outputPort);
  if (server) contract.servers = [server];

  if (properties.length > 0) {
    const object: OdcsSchemaObject = {
      name: objectName,
      physicalName: objectName,
      physicalType: 'table',
      properties,
      quality: [
        {
          metric: 'rowCount',
          mustBeGreaterThan: 0,
          dimension: 'completeness',
          description: 'The product is never empty.',
        },
      ],
    };
    if (purpose) object.description = purpose;
    contract.schema = [object];
  }

  const timestamp = properties.find(p => p.logicalType === 'timestamp');
  const sla = slaPropertiesOf(
    input.slos,
    timestamp ? `${objectName}.${timestamp.name}` : undefined,
  );
  if (sla.length > 0) contract.slaProperties = sla;

  const owner = refName(input.owner);
  if (owner) contract.team = { name: owner };
  const support = supportOf(text(input.contact));
  if (support) contract.support = support;
  const custom = customPropertiesOf(input);
  if (custom.length > 0) contract.customProperties = custom;
  return contract;
}
