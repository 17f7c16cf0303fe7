import { ODCS_API_VERSIONS } from '../model/lists';
import {
  Check,
  checkShape,
  Checker,
  deprecated,
  isMapping,
  Mapping,
  reportType,
  shape,
  v32,
} from './checker';
import { authoritativeDefinitions, customProperties, tags } from './common';
import { context } from './context';
import { schemaObjects } from './schema';
import { servers } from './servers';
import { price, roles, slaProperties, support, team } from './team';
import { dateTime, oneOf, text } from './values';

const descriptionShape = shape(
  'description',
  {
    usage: text,
    purpose: text,
    limitations: text,
    authoritativeDefinitions,
    customProperties,
  },
  { open: true },
);

const description: Check = (c, value) => {
  if (typeof value === 'string') {
    c.report(
      'type',
      `${c.subject()} must be a mapping with \`purpose\`, \`usage\` and \`limitations\`; found a string. Write it as \`description: { purpose: ... }\``,
    );
    return;
  }
  checkShape(c, value, descriptionShape);
};

const apiVersion: Check = (c, value) => {
  const check = oneOf(ODCS_API_VERSIONS);
  check(c, value);
};

const contract = shape(
  'data contract',
  {
    apiVersion,
    kind: oneOf(['DataContract']),
    id: text,
    version: text,
    status: text,
    name: text,
    tenant: text,
    domain: text,
    dataProduct: deprecated(
      text,
      'since ODCS v3.1 the data product is described in its own descriptor (ODPS), which points at this contract',
    ),
    description,
    tags,
    context: v32(context),
    contractCreatedTs: dateTime,
    schema: schemaObjects,
    servers,
    team,
    roles,
    support,
    price,
    slaDefaultElement: deprecated(
      text,
      'since ODCS v3.1 each SLA property names its own `element`',
    ),
    slaProperties,
    authoritativeDefinitions,
    customProperties,
  },
  {
    required: ['version', 'apiVersion', 'kind', 'id'],
    requiredBefore32: ['status'],
  },
);

/** Checks a whole contract with the given checker's rules. */
export function checkContract(c: Checker, value: unknown): void {
  if (!isMapping(value)) {
    reportType(
      c,
      'an ODCS data contract: a mapping with apiVersion, kind, id, version...',
      value,
    );
    return;
  }
  checkShape(c, value, contract);
}

const V2_MARKERS = [
  'datasetName',
  'quantumName',
  'datasetDomain',
  'dataset',
  'uuid',
];

/**
 * Recognises an ODCS v2 contract: `apiVersion: v2.x`, or no apiVersion and v2's keys
 * (`datasetName`, `quantumName`, `dataset`...).
 */
export function isOdcsV2(value: Mapping): boolean {
  const version = value.apiVersion;
  if (typeof version === 'string' || typeof version === 'number') {
    return /^v?2(\.|$)/.test(String(version));
  }
  return V2_MARKERS.some(key => key in value);
}
