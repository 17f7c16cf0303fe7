import type { ContractIssue, PathSegment } from '../../issues';
import { IssueLog } from '../issueLog';
import { isKnownTypeName } from '../logicalTypeOf';
import { isUnreadableSlaText } from '../slaValue';
import { isRecord } from '../../parsedValues';
import { KNOWN_CONSTRAINTS } from './dataProductFields';

function checkFields(log: IssueLog, schema: Record<string, unknown>): void {
  const fields = schema.fields;
  if (fields === undefined) return;
  if (!Array.isArray(fields)) {
    log.error(
      ['schema', 'fields'],
      'type',
      'schema.fields must be a list of fields, each with a "name" and a "type".',
    );
    return;
  }
  const names: string[] = [];
  fields.forEach((field, index) => {
    const at: PathSegment[] = ['schema', 'fields', index];
    if (!isRecord(field)) {
      log.error(
        at,
        'type',
        'each field must be a mapping with a "name" and a "type".',
      );
      return;
    }
    if (typeof field.name !== 'string') {
      log.error(at, 'required', `field ${index + 1} needs a "name".`);
    } else if (names.includes(field.name)) {
      log.error(
        [...at, 'name'],
        'duplicate',
        `field "${field.name}" is listed twice; rename or remove one.`,
      );
    } else {
      names.push(field.name);
    }
    const label =
      typeof field.name === 'string'
        ? `field "${field.name}"`
        : `field ${index + 1}`;
    if (typeof field.type !== 'string') {
      log.error(
        at,
        'required',
        `${label} needs a "type", such as "string" or "decimal(12,2)".`,
      );
    } else if (!isKnownTypeName(field.type)) {
      log.warn(
        [...at, 'type'],
        'type',
        `${label} has type "${field.type}", which has no ODCS logical type; it is kept as the physical type only.`,
      );
    }
    if (field.constraints !== undefined && !Array.isArray(field.constraints)) {
      log.error(
        [...at, 'constraints'],
        'type',
        `constraints of ${label} must be a list, such as [unique, not_null, {min: 0}].`,
      );
    } else if (Array.isArray(field.constraints)) {
      field.constraints.forEach((constraint, position) => {
        const key = isRecord(constraint)
          ? Object.keys(constraint)[0]
          : constraint;
        if (key === undefined || !KNOWN_CONSTRAINTS.includes(key)) {
          log.warn(
            [...at, 'constraints', position],
            'unknown-constraint',
            `constraint ${JSON.stringify(
              constraint,
            )} of ${label} is not one this reader maps (${KNOWN_CONSTRAINTS.join(
              ', ',
            )}); it is kept as written, and nothing checks it.`,
          );
        }
      });
    }
  });
  if (Array.isArray(schema.partitioned_by)) {
    schema.partitioned_by.forEach((column, index) => {
      if (!names.includes(String(column))) {
        log.error(
          ['schema', 'partitioned_by', index],
          'unknown-field',
          `partitioned_by names "${column}", which is not a field; add the field or fix the name.`,
        );
      }
    });
  }
}

function checkSla(log: IssueLog, sla: unknown): void {
  if (!isRecord(sla)) return;
  for (const [key, raw] of Object.entries(sla)) {
    if (isUnreadableSlaText(raw) && key !== 'update_schedule') {
      log.warn(
        ['sla', key],
        'sla-value',
        `sla "${key}" value "${raw}" reads as neither a duration nor a percentage; SLO checks cannot measure it.`,
      );
    }
  }
  if (Array.isArray(sla.quality_checks)) {
    sla.quality_checks.forEach((check, index) => {
      if (!isRecord(check) || typeof check.query !== 'string') {
        log.error(
          ['sla', 'quality_checks', index],
          'required',
          `quality check ${
            index + 1
          } needs a "query" that counts the offending rows.`,
        );
      }
    });
  }
}

/**
 * Checks a `data_product.yaml`: `name` and `version`, the owner (a key written with no value
 * is reported: in `slack: #data-team`, YAML reads `#` as the start of a comment), the fields
 * (name, type, constraints), partition columns, access grants and the SLA. Paths point into
 * the source document.
 * @public
 */
export function checkDataProductYaml(value: unknown): ContractIssue[] {
  const log = new IssueLog();
  if (!isRecord(value)) return log.issues;
  for (const key of ['name', 'version']) {
    if (value[key] === undefined || value[key] === null)
      log.error([], 'required', `a data_product.yaml needs "${key}".`);
  }
  if (isRecord(value.owner)) {
    for (const [key, item] of Object.entries(value.owner)) {
      if (item === null) {
        log.warn(
          ['owner', key],
          'empty-value',
          `owner.${key} is empty. If a value follows on that line, note that YAML reads "#" and what follows as a comment: quote the value (${key}: "#…").`,
        );
      }
    }
  }
  if (isRecord(value.schema)) checkFields(log, value.schema);
  if (isRecord(value.access)) {
    for (const direction of ['read', 'write']) {
      const grants = value.access[direction];
      if (grants !== undefined && !Array.isArray(grants)) {
        log.error(
          ['access', direction],
          'type',
          `access.${direction} must be a list of grants, such as - role: analyst or - domain: finance.`,
        );
      }
    }
  }
  checkSla(log, value.sla);
  return log.issues;
}
