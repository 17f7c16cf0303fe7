import {
  Check,
  Checker,
  describeValue,
  isMapping,
  reportType,
} from './checker';
import { isDate, isDateTime, isUri } from './formats';

/*
 * Checks of single values. Number kinds follow JSON Schema: an integer is a number without
 * a fractional part.
 */

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number';

export const isInteger = (value: unknown): value is number =>
  typeof value === 'number' && !(value % 1) && !Number.isNaN(value);

export const text: Check = (c, value) => {
  if (typeof value !== 'string') reportType(c, 'a string', value);
};

export const flag: Check = (c, value) => {
  if (typeof value !== 'boolean') reportType(c, 'true or false', value);
};

export const number: Check = (c, value) => {
  if (!isNumber(value)) reportType(c, 'a number', value);
};

export const integer: Check = (c, value) => {
  if (!isInteger(value)) reportType(c, 'a whole number', value);
};

/** A whole number of at least `min`. */
export function integerFrom(min: number): Check {
  return (c, value) => {
    if (!isInteger(value)) {
      reportType(c, `a whole number of at least ${min}`, value);
    } else if (value < min) {
      c.report(
        'range',
        `${c.subject()} must be at least ${min}; found ${value}`,
      );
    }
  };
}

/** A number strictly greater than `bound`. */
export function numberAbove(bound: number): Check {
  return (c, value) => {
    if (!isNumber(value)) {
      reportType(c, `a number greater than ${bound}`, value);
    } else if (!(value > bound)) {
      c.report(
        'range',
        `${c.subject()} must be greater than ${bound}; found ${value}`,
      );
    }
  };
}

/** Anything at all (customProperties values, examples, `mustBe`). */
export const anything: Check = () => undefined;

/** A string, number, boolean or null: no list, no mapping. */
export const scalar: Check = (c, value) => {
  if (value !== null && typeof value === 'object') {
    reportType(
      c,
      'a single value (a string, number, true/false or null)',
      value,
    );
  }
};

/** Any mapping, with keys of the writer's choosing. */
export const anyMapping: Check = (c, value) => {
  if (!isMapping(value)) reportType(c, 'a mapping of keys to values', value);
};

/** One of a fixed list of strings. */
export function oneOf(values: readonly string[]): Check {
  const allowed = new Set(values);
  return (c, value) => {
    if (typeof value !== 'string') {
      reportType(c, `one of ${values.join(', ')}`, value);
    } else if (!allowed.has(value)) {
      c.report(
        'enum',
        `${c.subject()} must be one of ${values.join(
          ', ',
        )}; found \`${value}\``,
      );
    }
  };
}

/** A string matching a pattern, described in words for the message. */
export function matching(pattern: RegExp, description: string): Check {
  return (c, value) => {
    if (typeof value !== 'string') {
      reportType(c, 'a string', value);
    } else if (!pattern.test(value)) {
      c.report(
        'pattern',
        `${c.subject()} must be ${description}; found ${describeValue(value)}`,
      );
    }
  };
}

/** A stable id: letters, digits, `_` and `-`. */
export const stableId = matching(
  /^[A-Za-z0-9_-]+$/,
  'a stable id made of letters, digits, `_` and `-`',
);

function format(test: (text: string) => boolean, description: string): Check {
  return (c, value) => {
    if (typeof value !== 'string') {
      reportType(c, 'a string', value);
    } else if (!test(value)) {
      c.report(
        'format',
        `${c.subject()} must be ${description}; found ${describeValue(value)}`,
      );
    }
  };
}

export const uri = format(
  isUri,
  'an absolute URI with a scheme, e.g. `s3://bucket/path` (spaces, braces and other characters outside RFC 3986 must be percent-encoded)',
);

export const date = format(isDate, 'a date written YYYY-MM-DD');

export const dateTime = format(
  isDateTime,
  'a date-time with its offset, e.g. `2024-05-01T10:00:00Z` (RFC 3339)',
);

/** Deep equality of parsed YAML or JSON values, for `uniqueItems`. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  ) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return (
      a.length === other.length &&
      a.every((item, i) => sameJson(item, other[i]))
    );
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(bRecord).length) return false;
  return aKeys.every(
    key =>
      Object.prototype.hasOwnProperty.call(bRecord, key) &&
      sameJson((a as Record<string, unknown>)[key], bRecord[key]),
  );
}

/** Options of {@link listOf}. */
export interface ListOptions {
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** What the list holds, for the message when it is not a list, e.g. `tags (strings)`. */
  of?: string;
}

/** A list whose items each pass `item`. */
export function listOf(item: Check, options: ListOptions = {}): Check {
  return (c: Checker, value: unknown) => {
    if (!Array.isArray(value)) {
      reportType(c, options.of ? `a list of ${options.of}` : 'a list', value);
      return;
    }
    const { minItems, maxItems, uniqueItems } = options;
    if (minItems !== undefined && value.length < minItems) {
      c.report(
        'min-items',
        minItems === 1
          ? `${c.subject()} must not be empty; add an entry or remove the key`
          : `${c.subject()} must have at least ${minItems} entries; found ${
              value.length
            }`,
      );
    }
    if (maxItems !== undefined && value.length > maxItems) {
      c.report(
        'max-items',
        `${c.subject()} must have at most ${maxItems} entries; found ${
          value.length
        }`,
      );
    }
    if (uniqueItems) {
      for (let i = 1; i < value.length; i++) {
        const j = value.findIndex(
          (other, k) => k < i && sameJson(other, value[i]),
        );
        if (j !== -1) {
          c.report(
            'unique-items',
            `${c.subject()} repeats the entry at [${j}] at [${i}]; entries must be unique`,
            { at: [i] },
          );
        }
      }
    }
    for (let i = 0; i < value.length; i++) {
      c.path.push(i);
      item(c, value[i]);
      c.path.pop();
    }
  };
}

export const textList = listOf(text, { of: 'strings' });
