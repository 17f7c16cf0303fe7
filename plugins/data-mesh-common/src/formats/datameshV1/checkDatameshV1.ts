import type { ContractIssue } from '../../issues';
import { IssueLog } from '../issueLog';
import { isUnreadableSlaText } from '../slaValue';
import { checkTextKeys } from '../textKeys';
import { isRecord } from '../../parsedValues';

/**
 * The `apiVersion` this reader knows for the in-house DataContract format.
 * @public
 */
export const DATAMESH_API_VERSION = 'datamesh/v1';

function checkPorts(log: IssueLog, ports: unknown): void {
  if (ports === undefined) return;
  if (!isRecord(ports)) {
    log.error(
      ['spec', 'ports'],
      'type',
      'spec.ports must be a mapping with "input" and "output" lists.',
    );
    return;
  }
  for (const direction of ['input', 'output']) {
    const list = ports[direction];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      log.error(
        ['spec', 'ports', direction],
        'type',
        `spec.ports.${direction} must be a list of ports, each with a "type".`,
      );
      continue;
    }
    list.forEach((port, index) => {
      const at = ['spec', 'ports', direction, index];
      if (!isRecord(port)) {
        log.error(
          at,
          'type',
          `each ${direction} port must be a mapping with a "type", such as "kafka-topic".`,
        );
      } else if (typeof port.type !== 'string') {
        log.error(
          at,
          'required',
          `${direction} port ${
            index + 1
          } needs a "type", such as "kafka-topic", "rest-api" or "iceberg-table".`,
        );
      }
    });
  }
}

/**
 * Checks a `datamesh/v1` DataContract: the `apiVersion`, `metadata.name` and
 * `metadata.version`, SLO values that read as a number with a unit or a percentage, the PII
 * list and the ports. Paths point into the source document.
 * @public
 */
export function checkDatameshV1(value: unknown): ContractIssue[] {
  const log = new IssueLog();
  if (!isRecord(value)) return log.issues;
  if (value.apiVersion !== DATAMESH_API_VERSION) {
    log.error(
      ['apiVersion'],
      'unsupported-version',
      `apiVersion "${value.apiVersion}" is unsupported: this reader knows "${DATAMESH_API_VERSION}". Write the contract in ${DATAMESH_API_VERSION} or in ODCS v3.`,
    );
  }
  const metadata = value.metadata;
  if (!isRecord(metadata)) {
    log.error(
      [],
      'required',
      'a datamesh/v1 contract needs "metadata" with a "name" and a "version".',
    );
  } else {
    checkTextKeys(
      log,
      metadata,
      ['metadata'],
      ['name', 'version'],
      written => written === undefined || written === null || written === '',
    );
  }
  const spec = value.spec;
  if (!isRecord(spec)) {
    log.error(
      [],
      'required',
      'a datamesh/v1 contract needs a "spec" (schema, slo, classification, ports).',
    );
    return log.issues;
  }
  if (isRecord(spec.slo)) {
    for (const [name, raw] of Object.entries(spec.slo)) {
      if (isUnreadableSlaText(raw)) {
        log.warn(
          ['spec', 'slo', name],
          'sla-value',
          `slo "${name}" value "${raw}" reads as neither a duration ("< 1 hour") nor a percentage ("> 99.5%"); it is kept as text, which SLO checks cannot measure.`,
        );
      }
    }
  }
  const classification = spec.classification;
  if (isRecord(classification) && classification.pii !== undefined) {
    if (
      !Array.isArray(classification.pii) ||
      classification.pii.some(column => typeof column !== 'string')
    ) {
      log.error(
        ['spec', 'classification', 'pii'],
        'type',
        'classification.pii must be a list of column names, such as [customer_email, phone].',
      );
    }
  }
  checkPorts(log, spec.ports);
  return log.issues;
}
