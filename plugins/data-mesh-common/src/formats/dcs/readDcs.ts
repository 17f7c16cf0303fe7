import type {
  OdcsAuthoritativeDefinition,
  OdcsContract,
  OdcsCustomProperty,
  OdcsDescription,
  OdcsSupportChannel,
} from '../../odcs/model';
import { ConversionTrace } from '../conversionTrace';
import { keepUnmapped } from '../keptFields';
import {
  IMPORTED_API_VERSION,
  IMPORTED_CONTRACT_STATUS,
  sourceFormatProperties,
} from '../provenance';
import type { ContractConversion, Converted } from '../types';
import { isRecord, scalarText } from '../../parsedValues';
import { convertDcsModels } from './dcsModels';
import { splitDcsLegacyQuality } from './dcsLegacyQuality';
import { convertDcsServers } from './dcsServers';
import { convertDcsServiceLevels } from './dcsServiceLevels';

/** Top-level DCS keys the converter maps (everything else is kept as a custom property). */
const MAPPED_TOP_KEYS = [
  'dataContractSpecification',
  'id',
  'info',
  'servers',
  'terms',
  'models',
  'servicelevels',
  'tags',
  'links',
];

function linksToDefinitions(
  links: unknown,
): Converted<OdcsAuthoritativeDefinition>[] {
  if (!isRecord(links)) return [];
  return Object.entries(links).map(([type, url]) => ({ type, url }));
}

function convertInfo(
  info: Record<string, unknown>,
  contract: Converted<OdcsContract>,
  kept: OdcsCustomProperty[],
): void {
  const used = new Set([
    'title',
    'version',
    'status',
    'description',
    'owner',
    'contact',
    'links',
  ]);
  if (typeof info.title === 'string') contract.name = info.title;
  const version = scalarText(info.version);
  if (version !== undefined) contract.version = version;
  contract.status =
    typeof info.status === 'string' ? info.status : IMPORTED_CONTRACT_STATUS;
  if (typeof info.owner === 'string') contract.team = { name: info.owner };
  if (isRecord(info.contact)) {
    const { name, url, ...rest } = info.contact;
    const support: Converted<OdcsSupportChannel> = {
      channel: typeof name === 'string' ? name : 'contact',
    };
    if (typeof url === 'string') support.url = url;
    const contactKept = keepUnmapped(rest, []);
    if (contactKept.length > 0) support.customProperties = contactKept;
    contract.support = [support];
  } else {
    used.delete('contact');
  }
  if (!isRecord(info.links)) used.delete('links');
  if (typeof info.owner !== 'string') used.delete('owner');
  if (typeof info.description !== 'string') used.delete('description');
  kept.push(...keepUnmapped(info, used, 'info'));
}

function convertTerms(
  terms: Record<string, unknown>,
  description: Converted<OdcsDescription>,
): void {
  const used: string[] = [];
  for (const key of ['usage', 'limitations'] as const) {
    if (typeof terms[key] === 'string') {
      description[key] = terms[key];
      used.push(key);
    }
  }
  const kept = keepUnmapped(terms, used);
  if (kept.length > 0) description.customProperties = kept;
}

/**
 * Converts a Data Contract Specification document (0.9–1.2.1) to the ODCS v3.1 model,
 * keeping every field: what ODCS has a place for is mapped, the rest is kept in
 * `customProperties` (contract, schema object, property, server, quality rule) under its DCS
 * name, or, for parts of objects that have no custom properties in ODCS, under its dotted
 * DCS path (`info.contract`, `servicelevels.retention.unlimited`).
 *
 * - `id` → `id`; `info.title` → `name`; `info.version` → `version`; `info.status` →
 *   `status` (`active` when absent, as ODCS requires one); `info.description` →
 *   `description.purpose`; `info.owner` → `team.name`; `info.contact` → `support[0]`;
 *   `links` and `info.links` → `authoritativeDefinitions` (the link name is the `type`).
 * - `terms.usage`/`limitations` → `description.usage`/`limitations`; other terms (policies,
 *   billing, noticePeriod) → `description.customProperties`.
 * - `models` → `schema` (see {@link convertDcsModels}); `definitions` are applied to the
 *   fields that reference them and kept whole as the custom property `definitions`.
 * - `servers` → `servers`; `servicelevels` → `slaProperties`; `tags` → `tags`.
 * - The 0.9 top-level `quality` block becomes `custom` quality rules on the models it checks.
 * - `sourceFormat: dcs` and `sourceFormatVersion` record where the contract came from.
 * @public
 */
export function readDcs(value: unknown): ContractConversion {
  const trace = new ConversionTrace();
  const source = isRecord(value) ? value : {};
  const contract: Converted<OdcsContract> = {
    apiVersion: IMPORTED_API_VERSION,
    kind: 'DataContract',
  };
  const kept: OdcsCustomProperty[] = [];
  const specVersion = scalarText(source.dataContractSpecification);
  if (source.id !== undefined) {
    contract.id = scalarText(source.id) ?? source.id;
    trace.link(['id'], ['id']);
  }
  const description: Converted<OdcsDescription> = {};
  const info = isRecord(source.info) ? source.info : undefined;
  if (info) {
    convertInfo(info, contract, kept);
    trace.link(['name'], ['info', 'title']);
    trace.link(['version'], ['info', 'version']);
    trace.link(['status'], ['info', 'status']);
    trace.link(['team'], ['info', 'owner']);
    trace.link(['support'], ['info', 'contact']);
    if (typeof info.description === 'string')
      description.purpose = info.description;
  } else if (source.info !== undefined) {
    kept.push({ property: 'info', value: source.info });
  }
  if (isRecord(source.terms)) {
    convertTerms(source.terms, description);
    trace.link(['description'], ['terms']);
  } else if (source.terms !== undefined) {
    kept.push({ property: 'terms', value: source.terms });
  }
  if (Object.keys(description).length > 0) contract.description = description;
  if (Array.isArray(source.tags)) contract.tags = source.tags;
  else if (source.tags !== undefined)
    kept.push({ property: 'tags', value: source.tags });

  const definitions = isRecord(source.definitions) ? source.definitions : {};
  if (isRecord(source.models)) {
    const schema = convertDcsModels(source.models, definitions, trace);
    contract.schema = schema;
    kept.push(...splitDcsLegacyQuality(source.quality, schema));
  } else {
    if (source.models !== undefined)
      kept.push({ property: 'models', value: source.models });
    if (source.quality !== undefined)
      kept.push({ property: 'quality', value: source.quality });
  }
  if (isRecord(source.servers)) {
    contract.servers = convertDcsServers(source.servers, trace);
  } else if (source.servers !== undefined) {
    kept.push({ property: 'servers', value: source.servers });
  }
  if (isRecord(source.servicelevels)) {
    const { slaProperties, kept: slaKept } = convertDcsServiceLevels(
      source.servicelevels,
      trace,
    );
    if (slaProperties.length > 0) contract.slaProperties = slaProperties;
    kept.push(...slaKept);
  } else if (source.servicelevels !== undefined) {
    kept.push({ property: 'servicelevels', value: source.servicelevels });
  }
  const authoritativeDefinitions = [
    ...linksToDefinitions(source.links),
    ...linksToDefinitions(info?.links),
  ];
  if (authoritativeDefinitions.length > 0) {
    contract.authoritativeDefinitions = authoritativeDefinitions;
  }
  if (source.links !== undefined && !isRecord(source.links)) {
    kept.push({ property: 'links', value: source.links });
  }

  const topKept = keepUnmapped(source, [...MAPPED_TOP_KEYS, 'quality']);
  contract.customProperties = [
    ...sourceFormatProperties('dcs', specVersion),
    ...topKept,
    ...kept,
  ];
  return {
    contract: contract as OdcsContract,
    issues: trace.issues,
    origins: trace.origins,
  };
}
