/**
 * The SLOs of a contract's SLA properties: freshness, latency, frequency and retention
 * (ages), availability and completeness (percentages).
 */
import type { ContractIssue } from '../issues';
import { toJsonPointer } from '../issues';
import type { OdcsContract, OdcsSlaProperty } from '../odcs/model';
import type { SloKind } from '../api';
import { formatDuration } from '../product/durations';
import {
  findSchemaElement,
  physicalName,
  schemaObjects,
  schemaProperties,
} from '../product/schemaObjects';
import { readSlaValue, slaKey } from '../product/slaValue';
import type { SloDefinition, SloMeasure } from './types';

/** The share of observations that must pass unless the contract says otherwise. */
export const DEFAULT_OBJECTIVE = 0.99;

const AGE_PROPERTIES: Record<string, SloKind> = {
  freshness: 'freshness',
  latency: 'latency',
  frequency: 'frequency',
  retention: 'retention',
};

function ageSlo(
  contract: OdcsContract,
  sla: OdcsSlaProperty,
  kind: SloKind,
  id: string,
  path: string,
  issues: ContractIssue[],
): SloDefinition | undefined {
  const property = String(sla.property ?? '').trim();
  const seconds = readSlaValue(sla.value, sla.unit).duration?.seconds;
  if (seconds === undefined) {
    issues.push({
      severity: 'warning',
      path,
      rule: 'slo-unmeasurable',
      message: `SLA "${property}" has no duration the portal can measure (value ${JSON.stringify(
        sla.value,
      )}, unit ${JSON.stringify(
        sla.unit ?? null,
      )}): write a number and a unit such as 24 and "h", or an ISO 8601 duration such as PT24H.`,
    });
    return undefined;
  }
  const place = findSchemaElement(contract, sla.element);
  const retention = kind === 'retention';
  let measure: SloMeasure = {
    type: 'pushed',
    reason: `no date or timestamp column to measure "${property}" on: set "element" to table.column`,
  };
  if (place && retention)
    measure = { type: 'oldestAge', object: place.object, column: place.column };
  else if (place) measure = { type: 'newestAge', ...place };
  let text = `data at most ${formatDuration(seconds)} old`;
  if (retention) text = `no data older than ${formatDuration(seconds)}`;
  else if (kind === 'frequency')
    text = `updated at least every ${formatDuration(seconds)}`;
  return {
    id,
    name: property,
    kind,
    target: {
      text,
      operator: '<=',
      value: seconds,
      unit: 'seconds',
      objective: DEFAULT_OBJECTIVE,
    },
    measure,
    path,
  };
}

function completenessColumns(
  contract: OdcsContract,
  element: string | undefined,
): SloMeasure | undefined {
  const place = element ? findSchemaElement(contract, element) : undefined;
  if (place)
    return {
      type: 'completeness',
      object: place.object,
      columns: [place.column],
    };
  const object = schemaObjects(contract)[0];
  if (!object) return undefined;
  const properties = schemaProperties(object);
  const required = properties.filter(p => p.required || p.primaryKey);
  const columns = (required.length ? required : properties).map(physicalName);
  return columns.length
    ? { type: 'completeness', object: physicalName(object), columns }
    : undefined;
}

function percentSlo(
  contract: OdcsContract,
  sla: OdcsSlaProperty,
  key: 'availability' | 'completeness',
  id: string,
  path: string,
  issues: ContractIssue[],
): SloDefinition | undefined {
  const property = String(sla.property ?? '').trim();
  const percent = readSlaValue(sla.value, sla.unit).percent;
  if (percent === undefined || percent > 100) {
    issues.push({
      severity: 'warning',
      path,
      rule: 'slo-unmeasurable',
      message: `SLA "${property}" needs a percentage between 0 and 100 (found ${JSON.stringify(
        sla.value,
      )}).`,
    });
    return undefined;
  }
  if (key === 'availability') {
    return {
      id,
      name: property,
      kind: 'availability',
      target: {
        text: `data readable ${percent}% of the time`,
        operator: '=',
        value: 1,
        objective: percent / 100,
      },
      measure: {
        type: 'reachable',
        objects: schemaObjects(contract).map(physicalName),
      },
      path,
    };
  }
  return {
    id,
    name: property,
    kind: 'completeness',
    target: {
      text: `at least ${percent}% of values present`,
      operator: '>=',
      value: percent,
      unit: 'percent',
      objective: DEFAULT_OBJECTIVE,
    },
    measure: completenessColumns(contract, sla.element) ?? {
      type: 'pushed',
      reason: 'no schema object to measure completeness on',
    },
    path,
  };
}

/**
 * The SLO an SLA property promises, or undefined for properties that are not service levels
 * (`generalAvailability`, `endOfSupport`...) or whose value cannot be measured (a warning).
 */
export function slaSlo(
  contract: OdcsContract,
  sla: OdcsSlaProperty,
  index: number,
  id: string,
  issues: ContractIssue[],
): SloDefinition | undefined {
  const path = toJsonPointer(['slaProperties', index]);
  const key = slaKey(sla.property);
  const ageKind = Object.hasOwn(AGE_PROPERTIES, key)
    ? AGE_PROPERTIES[key]
    : undefined;
  if (ageKind) return ageSlo(contract, sla, ageKind, id, path, issues);
  if (key === 'availability' || key === 'completeness')
    return percentSlo(contract, sla, key, id, path, issues);
  return undefined;
}
