import type { ContractIssue, PathSegment } from '../issues';
import { IssueLog } from '../formats/issueLog';
import { checkUri } from '../formats/uriPolicy';
import { isRecord, ownEntry } from '../parsedValues';
import { ODPS_API_VERSIONS } from './model';
import { ODPS_SHAPES, OdpsShapeName, OdpsValueKind } from './odpsShapes';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function describeKind(kind: OdpsValueKind): string {
  if (kind === 'any') return 'a value';
  if (kind === 'string') return 'text';
  if (typeof kind === 'string') return `a ${kind} (text)`;
  if ('shape' in kind) return 'a mapping';
  return 'a list';
}

function checkValue(
  log: IssueLog,
  value: unknown,
  kind: OdpsValueKind,
  path: PathSegment[],
  label: string,
): void {
  if (kind === 'any') return;
  if (typeof kind === 'string') {
    if (typeof value !== 'string') {
      log.error(
        path,
        'type',
        `${label} must be ${describeKind(kind)}${
          value === null ? ', not empty' : ''
        }.`,
      );
    } else if (kind === 'uri') {
      checkUri(log, path, value, label);
    } else if (kind === 'date' && !DATE.test(value)) {
      log.error(
        path,
        'format',
        `${label} "${value}" must be a date such as "2023-01-15".`,
      );
    } else if (kind === 'date-time' && !DATE_TIME.test(value)) {
      log.error(
        path,
        'format',
        `${label} "${value}" must be a date-time such as "2023-01-15T10:30:00Z".`,
      );
    }
    return;
  }
  if ('shape' in kind) {
    checkShape(log, value, kind.shape, path, label);
    return;
  }
  if (!Array.isArray(value)) {
    log.error(path, 'type', `${label} must be a list.`);
    return;
  }
  value.forEach((item, index) =>
    checkValue(log, item, kind.list, [...path, index], `${label}[${index}]`),
  );
}

function checkShape(
  log: IssueLog,
  value: unknown,
  name: OdpsShapeName,
  path: PathSegment[],
  label: string,
): void {
  if (!isRecord(value)) {
    log.error(path, 'type', `${label} must be a mapping.`);
    return;
  }
  const shape = ODPS_SHAPES[name];
  for (const key of shape.required) {
    if (value[key] === undefined) {
      log.error(path, 'required', `${label} needs "${key}".`);
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const kind = ownEntry(shape.fields, key);
    const at = [...path, key];
    if (!kind) {
      log.error(
        at,
        'unknown-key',
        `${label} has the key "${key}", which ODPS does not define; remove it, fix its spelling, or move it to "customProperties". Known keys: ${Object.keys(
          shape.fields,
        ).join(', ')}.`,
      );
    } else {
      checkValue(
        log,
        item,
        kind,
        at,
        label === 'the product' ? key : `${label}.${key}`,
      );
    }
  }
}

/**
 * Validates an ODPS product descriptor (v0.9.0 and v1.0.0, by the v1.0.0 schema): required
 * keys, value types, closed objects (an unknown key is an error), URIs (with the suite's
 * templated-URI policy), dates, the `apiVersion` and `kind`. Paths point into the document.
 * @public
 */
export function validateOdps(value: unknown): ContractIssue[] {
  const log = new IssueLog();
  checkShape(log, value, 'Product', [], 'the product');
  if (isRecord(value)) {
    if (
      typeof value.apiVersion === 'string' &&
      !(ODPS_API_VERSIONS as readonly string[]).includes(value.apiVersion)
    ) {
      log.error(
        ['apiVersion'],
        'unsupported-version',
        `apiVersion "${
          value.apiVersion
        }" is not an ODPS version this reader knows (${ODPS_API_VERSIONS.join(
          ', ',
        )}).`,
      );
    }
    if (value.kind !== undefined && value.kind !== 'DataProduct') {
      log.error(
        ['kind'],
        'enum',
        `kind must be "DataProduct" for an ODPS product, not "${value.kind}".`,
      );
    }
  }
  return log.issues;
}
