import {
  ODCS_QUALITY_DIMENSIONS,
  ODCS_QUALITY_METRICS,
  ODCS_QUALITY_OPERATORS,
  ODCS_QUALITY_TYPES,
} from '../model/lists';
import {
  Check,
  checkShape,
  Checker,
  deprecated,
  extendShape,
  hasKey,
  isMapping,
  joinKeys,
  Mapping,
  reportType,
  Shape,
  shape,
} from './checker';
import { authoritativeDefinitions, customProperties, tags } from './common';
import {
  anyMapping,
  anything,
  listOf,
  number,
  oneOf,
  stableId,
  text,
} from './values';

const numberPair: Check = listOf(number, {
  minItems: 2,
  maxItems: 2,
  uniqueItems: true,
  of: 'two numbers, smallest first',
});

const OPERATOR_CHECKS: Record<(typeof ODCS_QUALITY_OPERATORS)[number], Check> =
  {
    mustBe: anything,
    mustNotBe: anything,
    mustBeGreaterThan: number,
    mustBeGreaterOrEqualTo: number,
    mustBeLessThan: number,
    mustBeLessOrEqualTo: number,
    mustBeBetween: numberPair,
    mustNotBeBetween: numberPair,
  };

const base = shape('quality rule', {
  id: stableId,
  name: text,
  description: text,
  type: oneOf(ODCS_QUALITY_TYPES),
  dimension: oneOf(ODCS_QUALITY_DIMENSIONS),
  method: text,
  severity: text,
  businessImpact: text,
  unit: text,
  schedule: text,
  scheduler: text,
  tags,
  customProperties,
  authoritativeDefinitions,
});

const libraryFields = {
  metric: oneOf(ODCS_QUALITY_METRICS),
  rule: deprecated(
    text,
    'since ODCS v3.1 a library rule names its `metric` instead',
  ),
  arguments: anyMapping,
};
const sqlFields = { query: text };
const customFields = {
  engine: text,
  implementation: (c: Checker, value: unknown) => {
    if (typeof value !== 'string' && !isMapping(value)) {
      reportType(c, "a string or a mapping, in the engine's own terms", value);
    }
  },
};

/** Keys that some kind of rule takes: unknown only for the kind at hand. */
const KIND_KEYS: Record<string, string> = {
  metric: 'library',
  rule: 'library',
  arguments: 'library',
  query: 'sql',
  engine: 'custom',
  implementation: 'custom',
};
for (const operator of ODCS_QUALITY_OPERATORS)
  KIND_KEYS[operator] = 'library and sql';

const shapes = new Map<string, Shape>();

/** The shape of a rule of the given kinds (library, sql, custom, several, or none). */
function shapeFor(library: boolean, sql: boolean, custom: boolean): Shape {
  const key = `${library}${sql}${custom}`;
  let found = shapes.get(key);
  if (!found) {
    found = base;
    if (library)
      found = extendShape(found, 'library quality rule', libraryFields, {
        required: ['metric'],
      });
    if (sql)
      found = extendShape(found, 'sql quality rule', sqlFields, {
        required: ['query'],
      });
    if (custom) {
      found = extendShape(found, 'custom quality rule', customFields, {
        required: ['engine', 'implementation'],
      });
    }
    if (library || sql) found = extendShape(found, found.what, OPERATOR_CHECKS);
    shapes.set(key, found);
  }
  return found;
}

/** A `library` or `sql` rule compares with exactly one operator. */
function checkOperators(c: Checker, rule: Mapping, kind: string): void {
  const used = ODCS_QUALITY_OPERATORS.filter(operator =>
    hasKey(rule, operator),
  );
  if (used.length === 0) {
    c.report(
      'operator',
      `the ${kind} quality rule ${c.place()} has no comparison; add one of ${ODCS_QUALITY_OPERATORS.join(
        ', ',
      )}`,
    );
  } else if (used.length > 1) {
    c.report(
      'operator',
      `the quality rule ${c.place()} has ${used.length} comparisons (${joinKeys(
        used,
      )}); a rule takes exactly one: keep one, or split it into several rules`,
      { at: [used[1]], target: 'key' },
    );
  }
}

const VALID_TYPES = new Set<string>(ODCS_QUALITY_TYPES);

function checkRule(c: Checker, value: unknown): void {
  if (!isMapping(value)) {
    checkShape(c, value, base);
    return;
  }
  const type = value.type;
  // As the standard reads it: a rule is a library rule when it says so, or names a metric.
  const library = type === 'library' || typeof value.metric === 'string';
  const sql = type === 'sql';
  const custom = type === 'custom';
  const typeIsWrong =
    hasKey(value, 'type') &&
    !(typeof type === 'string' && VALID_TYPES.has(type));
  checkShape(c, value, shapeFor(library, sql, custom), {
    // After a wrong `type`, the keys of the other kinds are noise: the type is the problem.
    skipUnknown: key => typeIsWrong && key in KIND_KEYS,
    explainUnknown: key => {
      const owner = KIND_KEYS[key];
      if (key === 'rule') {
        return `\`rule\` ${c.placeIn()} belongs to library rules, and was replaced by \`metric\` in ODCS v3.1: write \`metric: nullValues\` (or another metric), or \`type: text\` with a \`description\``;
      }
      if (owner) {
        return `\`${key}\` ${c.placeIn()} only applies to ${owner} quality rules, and this rule is ${
          type === undefined
            ? 'of no type (add `type`)'
            : `of type \`${String(type)}\``
        }`;
      }
      if (key === 'element') {
        return `unknown key \`element\` ${c.placeIn()}: a quality rule applies to the schema object or property it is listed under; remove \`element\` and list the rule under that element's \`quality\``;
      }
      return undefined;
    },
  });
  if (library || sql) checkOperators(c, value, library ? 'library' : 'sql');
}

/** `quality`: the data quality rules of a schema object or property. */
export const qualityRules = listOf(checkRule, { of: 'quality rules' });
