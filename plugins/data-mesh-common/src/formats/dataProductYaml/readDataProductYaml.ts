import type {
  OdcsContract,
  OdcsCustomProperty,
  OdcsRole,
  OdcsSchemaObject,
  OdcsTeam,
} from '../../odcs/model';
import { contactChannel } from '../contactChannel';
import { convertContractHead } from '../contractHead';
import { ConversionTrace } from '../conversionTrace';
import { keepUnmapped } from '../keptFields';
import { sourceFormatProperties } from '../provenance';
import type { ContractConversion, Converted } from '../types';
import { classifyUri } from '../uri';
import { isRecord, scalarText } from '../../parsedValues';
import { convertDataProductFields } from './dataProductFields';
import { convertDataProductSla } from './dataProductSla';

const MAPPED_TOP_KEYS = [
  'name',
  'version',
  'domain',
  'owner',
  'description',
  'schema',
  'access',
  'sla',
];

function convertOwner(owner: unknown): Converted<OdcsTeam> {
  if (!isRecord(owner)) return { name: scalarText(owner) ?? String(owner) };
  const team: Converted<OdcsTeam> = {};
  if (owner.team !== undefined)
    team.name = scalarText(owner.team) ?? owner.team;
  // A null value (`slack: #data-team`, where `#` starts a comment) is kept too.
  const kept = keepUnmapped(owner, owner.team !== undefined ? ['team'] : []);
  if (kept.length > 0) team.customProperties = kept;
  return team;
}

function convertGrants(grants: unknown, access: string): Converted<OdcsRole>[] {
  if (!Array.isArray(grants)) return [];
  return grants.map(grant => {
    if (!isRecord(grant)) return { role: String(grant), access };
    const role: Converted<OdcsRole> = {
      role:
        scalarText(grant.role ?? grant.domain ?? grant.group ?? grant.user) ??
        '',
      access,
    };
    const kept = keepUnmapped(grant, grant.role !== undefined ? ['role'] : []);
    if (kept.length > 0) role.customProperties = kept;
    return role;
  });
}

function convertServer(
  schema: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const location = scalarText(schema.location);
  if (location === undefined) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/
    .exec(location)?.[1]
    ?.toLowerCase();
  const isS3 = scheme === 's3' || scheme === 's3a' || scheme === 's3n';
  const server: Record<string, unknown> = {
    server: scheme ?? 'storage',
    type: isS3 ? 's3' : 'custom',
  };
  if (isS3 || classifyUri(location) !== 'invalid') server.location = location;
  else server.path = location;
  if (schema.type !== undefined)
    server.format = scalarText(schema.type) ?? schema.type;
  return server;
}

/**
 * Converts a `data_product.yaml` to the ODCS v3.1 model, keeping every field:
 *
 * - `name` → `id` and `name`; `version`, `domain` as they are; `description` →
 *   `description.purpose`; `status` is `active` (ODCS needs one).
 * - `owner.team` → `team.name`; `owner.contact`, `owner.slack`… → `team.customProperties`
 *   (a key written with no value, like `slack: #data-team` where `#` starts a comment, is
 *   kept with the value null); an `owner.contact` that is an e-mail address (or URL) is also
 *   a support channel (`mailto:`), where ODCS readers and governance find the contact.
 * - `schema.fields` → the properties of one schema object named after the product (see
 *   {@link convertDataProductFields}); `schema.location` + `schema.type` → a server
 *   (`s3` for `s3://` locations, `custom` otherwise) with `location` and `format`;
 *   `schema.partitioned_by` → `partitioned`/`partitionKeyPosition`.
 * - `access.read`/`access.write` → `roles` with `access: read`/`write` (`role` → `role`;
 *   a `domain` grant is a role named after the domain with the custom property `domain`);
 *   `access.discovery` → the custom property `access.discovery`.
 * - `sla` → `slaProperties` and `sql` quality rules (see {@link convertDataProductSla}).
 * - `observability`, `changelog` and other keys → contract custom properties of the same name.
 * @public
 */
export function readDataProductYaml(value: unknown): ContractConversion {
  const trace = new ConversionTrace();
  const source = isRecord(value) ? value : {};
  const kept: OdcsCustomProperty[] = [];
  const contract = convertContractHead(source, [], trace);
  const name = contract.name;
  if (source.owner !== undefined) {
    contract.team = convertOwner(source.owner);
    trace.link(['team'], ['owner']);
    const channel = contactChannel(
      isRecord(source.owner) ? source.owner.contact : undefined,
    );
    if (channel) {
      contract.support = [channel];
      trace.link(['support', 0], ['owner', 'contact']);
    }
  }
  if (typeof source.description === 'string') {
    contract.description = { purpose: source.description };
    trace.link(['description'], ['description']);
  } else if (source.description !== undefined) {
    kept.push({ property: 'description', value: source.description });
  }

  const schema = isRecord(source.schema) ? source.schema : undefined;
  const object: Converted<OdcsSchemaObject> = { name, logicalType: 'object' };
  contract.schema = [object];
  trace.link(['schema', 0], ['schema']);
  if (schema) {
    const partitionedBy = Array.isArray(schema.partitioned_by)
      ? schema.partitioned_by.map(column => String(column))
      : [];
    const schemaMapped = ['fields', 'location'];
    if (Array.isArray(schema.fields)) {
      object.properties = convertDataProductFields(
        schema.fields,
        partitionedBy,
        ['schema', 'fields'],
        ['schema', 0, 'properties'],
        trace,
      );
      const names = schema.fields.map(field =>
        isRecord(field) ? scalarText(field.name) : undefined,
      );
      if (partitionedBy.every(column => names.includes(column)))
        schemaMapped.push('partitioned_by');
    } else {
      schemaMapped.shift();
    }
    const server = convertServer(schema);
    if (server) {
      contract.servers = [server];
      trace.link(['servers', 0], ['schema', 'location']);
      schemaMapped.push('type');
    } else {
      schemaMapped.splice(schemaMapped.indexOf('location'), 1);
    }
    const schemaKept = keepUnmapped(schema, schemaMapped);
    if (schemaKept.length > 0) object.customProperties = schemaKept;
  } else if (source.schema !== undefined) {
    kept.push({ property: 'schema', value: source.schema });
  }

  const access = isRecord(source.access) ? source.access : undefined;
  if (access) {
    const roles = [
      ...convertGrants(access.read, 'read'),
      ...convertGrants(access.write, 'write'),
    ];
    if (roles.length > 0) {
      contract.roles = roles;
      trace.link(['roles'], ['access']);
    }
    const used = ['read', 'write'].filter(key => Array.isArray(access[key]));
    kept.push(...keepUnmapped(access, used, 'access'));
  } else if (source.access !== undefined) {
    kept.push({ property: 'access', value: source.access });
  }

  if (isRecord(source.sla)) {
    const sla = convertDataProductSla(source.sla, trace);
    if (sla.slaProperties.length > 0)
      contract.slaProperties = sla.slaProperties;
    if (sla.quality.length > 0) object.quality = sla.quality;
    sla.quality.forEach((_, index) =>
      trace.link(
        ['schema', 0, 'quality', index],
        ['sla', 'quality_checks', index],
      ),
    );
    kept.push(...sla.kept);
  } else if (source.sla !== undefined) {
    kept.push({ property: 'sla', value: source.sla });
  }
  contract.customProperties = [
    ...sourceFormatProperties('data-product-yaml'),
    ...keepUnmapped(source, MAPPED_TOP_KEYS),
    ...kept,
  ];
  return {
    contract: contract as OdcsContract,
    issues: trace.issues,
    origins: trace.origins,
  };
}
