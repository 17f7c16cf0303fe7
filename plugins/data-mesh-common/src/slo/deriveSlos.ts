/**
 * The SLOs a contract promises: its SLA properties (freshness, latency, frequency,
 * retention, availability, completeness) and its quality rules (library metrics, SQL).
 */
import type { ContractIssue } from '../issues';
import { toJsonPointer } from '../issues';
import type {
  OdcsContract,
  OdcsQualityMetric,
  OdcsQualityRule,
  OdcsSchemaObject,
  OdcsSchemaProperty,
  OdcsSlaProperty,
} from '../odcs/model';
import { ODCS_QUALITY_METRICS } from '../odcs/model';
import type { SloKind } from '../api';
import { durationSeconds, formatDuration } from './durations';
import {
  DEFAULT_OBJECTIVE,
  describeComparison,
  ruleComparison,
} from './qualityTargets';
import type { SloDefinition, SloMeasure } from './types';

/**
 * The SLOs of a contract and the problems that kept some from being measurable.
 * @public
 */
export interface ContractSlos {
  slos: SloDefinition[];
  /** Warnings: an SLA without a usable value, a rule without an operator... */
  issues: ContractIssue[];
}

const AGE_PROPERTIES: Record<string, SloKind> = {
  freshness: 'freshness',
  latency: 'latency',
  frequency: 'frequency',
  retention: 'retention',
};

const TIME_TYPES = /date|time/i;

function physical(element: { name?: string; physicalName?: string }): string {
  return element.physicalName || element.name || '';
}

function objectsOf(contract: OdcsContract): OdcsSchemaObject[] {
  return Array.isArray(contract.schema)
    ? contract.schema.filter(o => o && typeof o.name === 'string')
    : [];
}

function propertiesOf(object: OdcsSchemaObject): OdcsSchemaProperty[] {
  return Array.isArray(object.properties)
    ? object.properties.filter(p => p && typeof p.name === 'string')
    : [];
}

/** `orders.created_at` → the object and column; a bare column is searched in every object. */
function resolveElement(
  contract: OdcsContract,
  element: string | undefined,
): { object: string; column: string; granularity?: 'day' } | undefined {
  const objects = objectsOf(contract);
  const first = (element ?? contract.slaDefaultElement ?? '')
    .split(',')[0]
    .trim();
  if (first) {
    const dot = first.lastIndexOf('.');
    const objectName = dot > 0 ? first.slice(0, dot) : undefined;
    const columnName = dot > 0 ? first.slice(dot + 1) : first;
    for (const object of objects) {
      if (
        objectName &&
        object.name !== objectName &&
        object.physicalName !== objectName
      )
        continue;
      const property = propertiesOf(object).find(
        p => p.name === columnName || p.physicalName === columnName,
      );
      if (property) return located(object, property);
      if (objectName) return { object: physical(object), column: columnName };
    }
    return undefined;
  }
  for (const object of objects) {
    const properties = propertiesOf(object);
    const time =
      properties.find(p => p.partitioned && isTimeProperty(p)) ??
      properties.find(isTimeProperty);
    if (time) return located(object, time);
  }
  return undefined;
}

function located(object: OdcsSchemaObject, property: OdcsSchemaProperty) {
  const place: { object: string; column: string; granularity?: 'day' } = {
    object: physical(object),
    column: physical(property),
  };
  if (property.logicalType === 'date') place.granularity = 'day';
  return place;
}

function isTimeProperty(p: OdcsSchemaProperty): boolean {
  return (
    p.logicalType === 'date' ||
    p.logicalType === 'timestamp' ||
    p.logicalType === 'time' ||
    (typeof p.physicalType === 'string' && TIME_TYPES.test(p.physicalType))
  );
}

function percentValue(sla: OdcsSlaProperty): number | undefined {
  const raw =
    typeof sla.value === 'string'
      ? Number(sla.value.replace('%', ''))
      : sla.value;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 100)
    return undefined;
  return raw;
}

function slaSlo(
  contract: OdcsContract,
  sla: OdcsSlaProperty,
  index: number,
  id: string,
  issues: ContractIssue[],
): SloDefinition | undefined {
  const path = toJsonPointer(['slaProperties', index]);
  const property = String(sla.property ?? '').trim();
  const key = property.toLowerCase();
  const ageKind = AGE_PROPERTIES[key];
  if (ageKind) {
    const seconds = durationSeconds(sla.value, sla.unit);
    if (seconds === undefined) {
      issues.push({
        severity: 'warning',
        path,
        rule: 'slo-unmeasurable',
        message: `SLA "${property}" has no duration the portal can measure (value ${JSON.stringify(
          sla.value,
        )}, unit ${JSON.stringify(
          sla.unit ?? null,
        )}): write a number and a unit such as 24 and "h".`,
      });
      return undefined;
    }
    const place = resolveElement(contract, sla.element);
    const retention = ageKind === 'retention';
    let measure: SloMeasure = {
      type: 'pushed',
      reason: `no date or timestamp column to measure "${property}" on: set "element" to table.column`,
    };
    if (place && retention)
      measure = {
        type: 'oldestAge',
        object: place.object,
        column: place.column,
      };
    else if (place) measure = { type: 'newestAge', ...place };
    let text = `data at most ${formatDuration(seconds)} old`;
    if (retention) text = `no data older than ${formatDuration(seconds)}`;
    else if (ageKind === 'frequency')
      text = `updated at least every ${formatDuration(seconds)}`;
    return {
      id,
      name: property,
      kind: ageKind,
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
  if (key === 'availability' || key === 'completeness') {
    const percent = percentValue(sla);
    if (percent === undefined) {
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
    const objects = objectsOf(contract);
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
        measure: { type: 'reachable', objects: objects.map(physical) },
        path,
      };
    }
    const columns = completenessColumns(contract, sla.element);
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
      measure: columns ?? {
        type: 'pushed',
        reason: 'no schema object to measure completeness on',
      },
      path,
    };
  }
  return undefined;
}

function completenessColumns(
  contract: OdcsContract,
  element: string | undefined,
): SloMeasure | undefined {
  const place = element ? resolveElement(contract, element) : undefined;
  if (place)
    return {
      type: 'completeness',
      object: place.object,
      columns: [place.column],
    };
  const object = objectsOf(contract)[0];
  if (!object) return undefined;
  const properties = propertiesOf(object);
  const required = properties.filter(p => p.required || p.primaryKey);
  const columns = (required.length ? required : properties).map(physical);
  return columns.length
    ? { type: 'completeness', object: physical(object), columns }
    : undefined;
}

const METRIC_KIND: Record<string, SloKind> = {
  nullValues: 'completeness',
  missingValues: 'completeness',
  invalidValues: 'validity',
  duplicateValues: 'uniqueness',
  rowCount: 'volume',
};

const METRIC_TEXT: Record<string, string> = {
  nullValues: 'null values',
  missingValues: 'missing values',
  invalidValues: 'invalid values',
  duplicateValues: 'duplicate values',
  rowCount: 'rows',
};

function ruleMetric(rule: OdcsQualityRule): string | undefined {
  const metric = rule.metric ?? rule.rule;
  return typeof metric === 'string' ? metric : undefined;
}

function qualitySlo(
  rule: OdcsQualityRule,
  object: OdcsSchemaObject,
  property: OdcsSchemaProperty | undefined,
  path: (string | number)[],
  position: number,
  issues: ContractIssue[],
): SloDefinition | undefined {
  const pointer = toJsonPointer(path);
  const metric = ruleMetric(rule);
  const type = rule.type ?? (metric ? 'library' : undefined);
  if (type === 'text' || type === 'custom') return undefined;
  const comparison = ruleComparison(rule);
  const scope = property ? `${object.name}.${property.name}` : object.name;
  const label =
    rule.id ??
    rule.name ??
    (type === 'sql' ? `sql${position + 1}` : metric ?? `rule${position + 1}`);
  const id = rule.id ? `quality:${rule.id}` : `quality:${scope}:${label}`;
  if (!comparison) {
    issues.push({
      severity: 'warning',
      path: pointer,
      rule: 'slo-unmeasurable',
      message: `Quality rule "${label}" on ${scope} has no numeric comparison (mustBe, mustBeLessThan, mustBeBetween...): add one so it can be checked.`,
    });
    return undefined;
  }
  const unit =
    rule.unit === 'percent' || rule.unit === '%' ? 'percent' : 'rows';
  const objective = DEFAULT_OBJECTIVE;
  if (type === 'sql') {
    if (typeof rule.query !== 'string' || !rule.query.trim()) {
      issues.push({
        severity: 'warning',
        path: pointer,
        rule: 'slo-unmeasurable',
        message: `SQL rule "${label}" on ${scope} has no query.`,
      });
      return undefined;
    }
    return {
      id,
      name: rule.name ?? rule.description ?? `SQL check on ${scope}`,
      kind: 'quality',
      target: {
        text: `query result ${describeComparison(comparison, rule.unit)}`,
        ...comparison,
        unit: rule.unit,
        objective,
      },
      measure: {
        type: 'sql',
        query: rule.query,
        object: physical(object),
        property: property ? physical(property) : undefined,
      },
      path: pointer,
    };
  }
  if (
    !metric ||
    !(ODCS_QUALITY_METRICS as readonly string[]).includes(metric)
  ) {
    issues.push({
      severity: 'warning',
      path: pointer,
      rule: 'slo-unmeasurable',
      message: `Quality rule "${label}" on ${scope} names no library metric the portal knows (${ODCS_QUALITY_METRICS.join(
        ', ',
      )}).`,
    });
    return undefined;
  }
  const columnMetric = metric !== 'rowCount';
  if (columnMetric && !property && metric !== 'duplicateValues') {
    issues.push({
      severity: 'warning',
      path: pointer,
      rule: 'slo-unmeasurable',
      message: `Quality rule "${label}" (${metric}) sits on object ${object.name}; move it to the property it checks.`,
    });
    return undefined;
  }
  return {
    id,
    name: rule.name ?? rule.description ?? `${METRIC_TEXT[metric]} in ${scope}`,
    kind: METRIC_KIND[metric],
    target: {
      text: `${METRIC_TEXT[metric]} in ${scope} ${describeComparison(
        comparison,
        unit === 'percent' ? 'percent' : undefined,
      )}`,
      ...comparison,
      unit,
      objective,
    },
    measure: {
      type: 'library',
      metric: metric as OdcsQualityMetric,
      object: physical(object),
      property: property ? physical(property) : undefined,
      arguments: rule.arguments,
      unit,
    },
    path: pointer,
  };
}

/** The id of the schema drift SLO. */
export const SCHEMA_DRIFT_SLO = 'schema:drift';

/**
 * Schema drift, an SLO of every contract that names a server and fields: where the portal
 * reads the server, each evaluation compares the data's schema with the contract; elsewhere
 * pipelines may push it.
 */
function driftSlo(contract: OdcsContract): SloDefinition | undefined {
  const objects = objectsOf(contract).filter(o => propertiesOf(o).length > 0);
  if (objects.length === 0) return undefined;
  const servers = Array.isArray(contract.servers)
    ? contract.servers.filter(Boolean)
    : [];
  if (servers.length === 0) return undefined;
  return {
    id: SCHEMA_DRIFT_SLO,
    name: 'schema drift',
    kind: 'schema',
    target: {
      text: 'the data has every field of the contract, with its type',
      operator: '=',
      value: 0,
      unit: 'fields',
      objective: DEFAULT_OBJECTIVE,
    },
    measure: { type: 'schema', objects: objects.map(physical) },
    path: toJsonPointer(['schema']),
  };
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${id}#${n}`;
  used.add(candidate);
  return candidate;
}

/**
 * Reads the SLOs a contract promises. SLA properties that are not service levels
 * (`generalAvailability`, `endOfSupport`, `timeOfAvailability`...) and `text`/`custom` quality
 * rules yield none; what cannot be measured is reported as a warning.
 * @public
 */
export function deriveSlos(contract: OdcsContract): ContractSlos {
  const slos: SloDefinition[] = [];
  const issues: ContractIssue[] = [];
  const used = new Set<string>();
  const add = (slo: SloDefinition | undefined) => {
    if (slo) slos.push({ ...slo, id: uniqueId(slo.id, used) });
  };

  const sla = Array.isArray(contract.slaProperties)
    ? contract.slaProperties
    : [];
  const seen = new Map<string, number>();
  for (const item of sla) {
    const key = String(item?.property ?? '').toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  sla.forEach((item, index) => {
    if (!item || typeof item !== 'object') return;
    const key = String(item.property ?? '').trim();
    let base = `sla:${key}`;
    if (item.id) base = `sla:${item.id}`;
    else if ((seen.get(key.toLowerCase()) ?? 0) > 1 && item.element)
      base = `sla:${key}:${item.element}`;
    add(slaSlo(contract, item, index, base, issues));
  });

  (Array.isArray(contract.schema) ? contract.schema : []).forEach(
    (object, o) => {
      if (!object || typeof object.name !== 'string') return;
      (object.quality ?? []).forEach((rule, r) =>
        add(
          qualitySlo(
            rule,
            object,
            undefined,
            ['schema', o, 'quality', r],
            r,
            issues,
          ),
        ),
      );
      (object.properties ?? []).forEach((property, p) => {
        if (!property || typeof property.name !== 'string') return;
        (property.quality ?? []).forEach((rule, r) =>
          add(
            qualitySlo(
              rule,
              object,
              property,
              ['schema', o, 'properties', p, 'quality', r],
              r,
              issues,
            ),
          ),
        );
      });
    },
  );
  add(driftSlo(contract));
  return { slos, issues };
}
