import type { ContractIssue, PathSegment } from '../../issues';
import { IssueLog } from '../issueLog';
import { checkTextKeys } from '../textKeys';
import { checkUri } from '../uriPolicy';
import { isRecord } from '../../parsedValues';
import { DCS_FIELD_TYPES } from './dcsTypes';

/**
 * The DCS versions this reader knows (the `dataContractSpecification` values of 0.9–1.2.1).
 * @public
 */
export const DCS_VERSIONS: readonly string[] = [
  '1.2.1',
  '1.2.0',
  '1.1.0',
  '0.9.3',
  '0.9.2',
  '0.9.1',
  '0.9.0',
];

const MODEL_TYPES = ['table', 'view', 'object'];
const QUALITY_TYPES = ['text', 'library', 'sql', 'custom'];
const FREQUENCY_TYPES = ['batch', 'micro-batching', 'streaming', 'manual'];
const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
/** Server types whose `location`/`endpointUrl` DCS declares as URIs. */
const URI_SERVERS = new Set(['s3', 'azure', 'sftp', 'glue']);

function list(values: readonly string[]): string {
  return values.map(value => `"${value}"`).join(', ');
}

function checkQuality(
  log: IssueLog,
  rules: unknown,
  path: PathSegment[],
): void {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    log.error(
      path,
      'type',
      'quality must be a list of rules, each with a "type".',
    );
    return;
  }
  rules.forEach((rule, index) => {
    const at = [...path, index];
    if (!isRecord(rule)) return;
    if (rule.type !== undefined && !QUALITY_TYPES.includes(String(rule.type))) {
      log.error(
        [...at, 'type'],
        'enum',
        `quality type "${rule.type}" is not one of ${list(QUALITY_TYPES)}.`,
      );
    }
    if (rule.type === 'sql' && typeof rule.query !== 'string') {
      log.error(
        at,
        'required',
        'a "sql" quality rule needs a "query" that returns one number.',
      );
    }
    if (rule.type === 'text' && typeof rule.description !== 'string') {
      log.error(at, 'required', 'a "text" quality rule needs a "description".');
    }
    if (rule.type === 'custom' && typeof rule.engine !== 'string') {
      log.error(
        at,
        'required',
        'a "custom" quality rule needs an "engine", such as "soda".',
      );
    }
  });
}

function checkLinks(log: IssueLog, links: unknown, path: PathSegment[]): void {
  if (links === undefined) return;
  if (!isRecord(links)) {
    log.error(path, 'type', 'links must be a mapping of names to URLs.');
    return;
  }
  for (const [name, url] of Object.entries(links))
    checkUri(log, [...path, name], url, `link "${name}"`);
}

function checkField(
  log: IssueLog,
  field: unknown,
  path: PathSegment[],
  name: string,
): void {
  if (!isRecord(field)) {
    log.error(
      path,
      'type',
      `field "${name}" must be a mapping of attributes such as "type".`,
    );
    return;
  }
  if (
    field.type !== undefined &&
    !DCS_FIELD_TYPES.includes(String(field.type).toLowerCase())
  ) {
    log.error(
      [...path, 'type'],
      'enum',
      `field "${name}" has type "${
        field.type
      }", which DCS does not define; use one of ${list(DCS_FIELD_TYPES)}.`,
    );
  }
  if (field.enum !== undefined && !Array.isArray(field.enum)) {
    log.error(
      [...path, 'enum'],
      'type',
      `enum of field "${name}" must be a list of values.`,
    );
  }
  checkQuality(log, field.quality, [...path, 'quality']);
  checkLinks(log, field.links, [...path, 'links']);
  if (isRecord(field.fields)) {
    for (const [child, value] of Object.entries(field.fields)) {
      checkField(log, value, [...path, 'fields', child], child);
    }
  }
  if (field.items !== undefined)
    checkField(log, field.items, [...path, 'items'], `${name}[]`);
}

function checkInfo(log: IssueLog, info: unknown): void {
  if (!isRecord(info)) {
    log.error(
      ['info'],
      'required',
      'a DCS contract needs "info" with a "title" and a "version".',
    );
    return;
  }
  checkTextKeys(log, info, ['info'], ['title', 'version']);
  if (isRecord(info.contact) && info.contact.url !== undefined) {
    checkUri(log, ['info', 'contact', 'url'], info.contact.url, 'contact url');
  }
}

function checkServers(log: IssueLog, servers: unknown): void {
  if (servers === undefined) return;
  if (!isRecord(servers)) {
    log.error(
      ['servers'],
      'type',
      'servers must be a mapping of server names to servers.',
    );
    return;
  }
  for (const [name, server] of Object.entries(servers)) {
    const at = ['servers', name];
    if (!isRecord(server)) continue;
    if (typeof server.type !== 'string') {
      log.error(
        at,
        'required',
        `server "${name}" needs a "type", such as "s3" or "postgres".`,
      );
      continue;
    }
    if (!URI_SERVERS.has(server.type.toLowerCase())) continue;
    for (const key of ['location', 'endpointUrl']) {
      if (server[key] !== undefined)
        checkUri(log, [...at, key], server[key], `server "${name}" ${key}`);
    }
  }
}

function checkServiceLevels(log: IssueLog, levels: unknown): void {
  if (!isRecord(levels)) return;
  const availability = levels.availability;
  if (isRecord(availability) && availability.percentage !== undefined) {
    if (!/^\d+(\.\d+)?%$/.test(String(availability.percentage))) {
      log.error(
        ['servicelevels', 'availability', 'percentage'],
        'format',
        `availability percentage "${availability.percentage}" must be a percentage such as "99.9%".`,
      );
    }
  }
  const frequency = levels.frequency;
  if (
    isRecord(frequency) &&
    frequency.type !== undefined &&
    !FREQUENCY_TYPES.includes(String(frequency.type))
  ) {
    log.error(
      ['servicelevels', 'frequency', 'type'],
      'enum',
      `frequency type "${frequency.type}" is not one of ${list(
        FREQUENCY_TYPES,
      )}.`,
    );
  }
}

function checkModels(log: IssueLog, models: unknown): void {
  if (models === undefined) return;
  if (!isRecord(models)) {
    log.error(
      ['models'],
      'type',
      'models must be a mapping of model names to models.',
    );
    return;
  }
  for (const [name, model] of Object.entries(models)) {
    const at = ['models', name];
    if (!NAME_PATTERN.test(name)) {
      log.error(
        at,
        'format',
        `model name "${name}" may only hold letters, digits, "_" and "-".`,
      );
    }
    if (!isRecord(model)) continue;
    if (model.type !== undefined && !MODEL_TYPES.includes(String(model.type))) {
      log.error(
        [...at, 'type'],
        'enum',
        `model type "${model.type}" is not one of ${list(MODEL_TYPES)}.`,
      );
    }
    if (isRecord(model.fields)) {
      for (const [field, value] of Object.entries(model.fields)) {
        checkField(log, value, [...at, 'fields', field], field);
      }
    }
    checkQuality(log, model.quality, [...at, 'quality']);
  }
}

/**
 * Checks a DCS document against the specification's rules that matter for reading it (the
 * converted contract is validated as ODCS afterwards): the version, `id`, `info.title` and
 * `info.version`, model and field types, quality rule types, server types, availability
 * percentages, and URIs, with the templated-URI policy of `checkUri`. Paths point into the
 * DCS document.
 * @public
 */
export function checkDcs(value: unknown): ContractIssue[] {
  const log = new IssueLog();
  if (!isRecord(value)) {
    log.error(
      [],
      'type',
      'a DCS contract must be a mapping of keys such as "id", "info" and "models".',
    );
    return log.issues;
  }
  const version = String(value.dataContractSpecification);
  if (!DCS_VERSIONS.includes(version)) {
    log.warn(
      ['dataContractSpecification'],
      'version',
      `dataContractSpecification "${version}" is not a version this reader knows (${list(
        DCS_VERSIONS,
      )}); it is read by the 1.2.1 rules.`,
    );
  }
  if (typeof value.id !== 'string' || value.id === '') {
    log.error(
      value.id === undefined ? [] : ['id'],
      'required',
      'a DCS contract needs an "id" (text) that identifies it.',
    );
  }
  checkInfo(log, value.info);
  checkModels(log, value.models);
  if (isRecord(value.definitions)) {
    for (const [name, definition] of Object.entries(value.definitions)) {
      if (isRecord(definition) && definition.type === undefined) {
        log.error(
          ['definitions', name],
          'required',
          `definition "${name}" needs a "type".`,
        );
      } else {
        checkField(log, definition, ['definitions', name], name);
      }
    }
  }
  checkServers(log, value.servers);
  checkServiceLevels(log, value.servicelevels);
  checkLinks(log, value.links, ['links']);
  if (isRecord(value.terms) && Array.isArray(value.terms.policies)) {
    value.terms.policies.forEach((policy, index) => {
      if (isRecord(policy) && policy.url !== undefined) {
        checkUri(
          log,
          ['terms', 'policies', index, 'url'],
          policy.url,
          'policy url',
        );
      }
    });
  }
  return log.issues;
}
