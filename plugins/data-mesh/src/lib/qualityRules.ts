import {
  type OdcsContract,
  type OdcsPropertyBase,
  type OdcsQualityRule,
  ODCS_QUALITY_OPERATORS,
  qualityComparison,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** A quality rule with the element it applies to. */
export interface PlacedQualityRule {
  /** `object` or `object.property` (nested: `object.a.b`). */
  element: string;
  rule: OdcsQualityRule;
}

const SYMBOLS: Record<string, string> = {
  '=': '=',
  '!=': '≠',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
};

/**
 * The threshold of a rule in symbols, e.g. `= 0`, `> 1000`, `between 1 and 5`, as
 * data-mesh-common reads it (`qualityComparison`, the reading the SLOs and the diff use);
 * a threshold that is not numeric is shown as written (`mustBe: "open"`).
 */
export function describeThreshold(rule: OdcsQualityRule): string | undefined {
  const comparison = qualityComparison(rule);
  if (comparison) {
    const { operator, value } = comparison;
    return Array.isArray(value)
      ? `${operator} ${value[0]} and ${value[1]}`
      : `${SYMBOLS[operator]} ${value}`;
  }
  const written = ODCS_QUALITY_OPERATORS.find(op => rule[op] !== undefined);
  return written ? `${written}: ${JSON.stringify(rule[written])}` : undefined;
}

/** What the rule measures: its metric, its engine, or `sql`/`text`. */
export function describeCheck(rule: OdcsQualityRule): string {
  if (rule.metric ?? rule.rule) return String(rule.metric ?? rule.rule);
  if (rule.type === 'custom' && rule.engine) return `${rule.engine} rule`;
  if (rule.query || rule.type === 'sql') return 'sql';
  return rule.type ?? 'text';
}

function collect(
  out: PlacedQualityRule[],
  property: OdcsPropertyBase,
  element: string,
) {
  for (const rule of property.quality ?? []) out.push({ element, rule });
  for (const child of property.properties ?? []) {
    collect(out, child, `${element}.${child.name}`);
  }
  if (property.items) collect(out, property.items, `${element}[]`);
}

/** Every quality rule of the contract, object rules first, each with its element. */
export function contractQualityRules(
  contract: OdcsContract,
): PlacedQualityRule[] {
  const out: PlacedQualityRule[] = [];
  for (const object of contract.schema ?? []) {
    for (const rule of object.quality ?? [])
      out.push({ element: object.name, rule });
    for (const property of object.properties ?? []) {
      collect(out, property, `${object.name}.${property.name}`);
    }
  }
  return out;
}
