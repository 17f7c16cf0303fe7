/**
 * The SLOs of a contract's quality rules: library metrics and SQL rules with a numeric
 * comparison.
 */
import type { ContractIssue } from '../issues';
import { toJsonPointer } from '../issues';
import type {
  OdcsQualityMetric,
  OdcsQualityRule,
  OdcsSchemaObject,
  OdcsSchemaProperty,
} from '../odcs/model';
import { ODCS_QUALITY_METRICS } from '../odcs/model/lists';
import type { SloKind } from '../api';
import { physicalName } from '../product/schemaObjects';
import {
  describeComparison,
  qualityComparison,
} from '../product/qualityComparison';
import { DEFAULT_OBJECTIVE } from './slaSlos';
import type { SloDefinition } from './types';

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

/** The ODCS data quality dimension a library metric measures. */
const METRIC_DIMENSION: Record<string, string> = {
  nullValues: 'completeness',
  missingValues: 'completeness',
  invalidValues: 'conformity',
  duplicateValues: 'uniqueness',
  rowCount: 'coverage',
};

/**
 * A library quality rule in words, for a rule that has no name or description of its own:
 * `rows in orders must be greater than 100`; and the ODCS dimension its metric measures
 * (`coverage` for rowCount, `completeness` for nullValues…). Undefined for other rules.
 * @public
 */
export function describeLibraryRule(
  rule: OdcsQualityRule,
  scope: string,
): { text: string; dimension: string } | undefined {
  const metric = ruleMetric(rule);
  if (!metric || !METRIC_TEXT[metric]) return undefined;
  const comparison = qualityComparison(rule);
  const unit =
    rule.unit === 'percent' || rule.unit === '%' ? 'percent' : undefined;
  return {
    text: `${METRIC_TEXT[metric]} in ${scope}${
      comparison ? ` ${describeComparison(comparison, unit)}` : ''
    }`,
    dimension: METRIC_DIMENSION[metric],
  };
}

function ruleMetric(rule: OdcsQualityRule): string | undefined {
  const metric = rule.metric ?? rule.rule;
  return typeof metric === 'string' ? metric : undefined;
}

/** Where a rule sits: its object, its property (for field rules) and its JSON path. */
export interface RulePlace {
  object: OdcsSchemaObject;
  property?: OdcsSchemaProperty;
  path: (string | number)[];
  /** The rule's position among its element's rules. */
  position: number;
}

/**
 * The SLO a quality rule promises, or undefined for `text` and `custom` rules and for rules
 * that cannot be measured (a warning says why).
 */
export function qualitySlo(
  rule: OdcsQualityRule,
  place: RulePlace,
  issues: ContractIssue[],
): SloDefinition | undefined {
  const { object, property, position } = place;
  const pointer = toJsonPointer(place.path);
  const metric = ruleMetric(rule);
  const type = rule.type ?? (metric ? 'library' : undefined);
  if (type === 'text' || type === 'custom') return undefined;
  const comparison = qualityComparison(rule);
  const scope = property ? `${object.name}.${property.name}` : object.name;
  const label =
    rule.id ??
    rule.name ??
    (type === 'sql' ? `sql${position + 1}` : metric ?? `rule${position + 1}`);
  const id = rule.id ? `quality:${rule.id}` : `quality:${scope}:${label}`;
  const unmeasurable = (message: string) => {
    issues.push({
      severity: 'warning',
      path: pointer,
      rule: 'slo-unmeasurable',
      message,
    });
    return undefined;
  };
  if (!comparison) {
    return unmeasurable(
      `Quality rule "${label}" on ${scope} has no numeric comparison (mustBe, mustBeLessThan, mustBeBetween...): add one so it can be checked.`,
    );
  }
  const unit =
    rule.unit === 'percent' || rule.unit === '%' ? 'percent' : 'rows';
  if (type === 'sql') {
    if (typeof rule.query !== 'string' || !rule.query.trim())
      return unmeasurable(`SQL rule "${label}" on ${scope} has no query.`);
    return {
      id,
      name: rule.name ?? rule.description ?? `SQL check on ${scope}`,
      kind: 'quality',
      target: {
        text: `query result ${describeComparison(comparison, rule.unit)}`,
        ...comparison,
        unit: rule.unit,
        objective: DEFAULT_OBJECTIVE,
      },
      measure: {
        type: 'sql',
        query: rule.query,
        object: physicalName(object),
        property: property ? physicalName(property) : undefined,
      },
      path: pointer,
    };
  }
  if (!metric || !(ODCS_QUALITY_METRICS as readonly string[]).includes(metric))
    return unmeasurable(
      `Quality rule "${label}" on ${scope} names no library metric the portal knows (${ODCS_QUALITY_METRICS.join(
        ', ',
      )}).`,
    );
  if (metric !== 'rowCount' && metric !== 'duplicateValues' && !property)
    return unmeasurable(
      `Quality rule "${label}" (${metric}) sits on object ${object.name}; move it to the property it checks.`,
    );
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
      objective: DEFAULT_OBJECTIVE,
    },
    measure: {
      type: 'library',
      metric: metric as OdcsQualityMetric,
      object: physicalName(object),
      property: property ? physicalName(property) : undefined,
      arguments: rule.arguments,
      unit,
    },
    path: pointer,
  };
}
