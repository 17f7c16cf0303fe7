import type {
  OdcsContract,
  OdcsPropertyBase,
  OdcsQualityRule,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** A quality rule with the element it applies to. */
export interface PlacedQualityRule {
  /** `object` or `object.property` (nested: `object.a.b`). */
  element: string;
  rule: OdcsQualityRule;
}

const OPERATORS: Array<[keyof OdcsQualityRule, string]> = [
  ['mustBe', '='],
  ['mustNotBe', '≠'],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '≥'],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '≤'],
];

/** The threshold of a rule in symbols, e.g. `= 0`, `> 1000`, `between 1 and 5`. */
export function describeThreshold(rule: OdcsQualityRule): string | undefined {
  for (const [key, symbol] of OPERATORS) {
    if (rule[key] !== undefined) return `${symbol} ${String(rule[key])}`;
  }
  if (Array.isArray(rule.mustBeBetween)) {
    return `between ${rule.mustBeBetween[0]} and ${rule.mustBeBetween[1]}`;
  }
  if (Array.isArray(rule.mustNotBeBetween)) {
    return `not between ${rule.mustNotBeBetween[0]} and ${rule.mustNotBeBetween[1]}`;
  }
  return undefined;
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
