import {
  ODCS_INTEGER_FORMATS,
  ODCS_NUMBER_FORMATS,
  ODCS_VECTOR_DISTANCE_METRICS,
  ODCS_VECTOR_ELEMENT_TYPES,
} from '../model/lists';
import {
  checkShape,
  Checker,
  isMapping,
  reportType,
  Shape,
  shape,
} from './checker';
import {
  flag,
  integerFrom,
  listOf,
  number,
  numberAbove,
  oneOf,
  text,
} from './values';

const dateFields = {
  format: text,
  minimum: text,
  maximum: text,
  exclusiveMinimum: text,
  exclusiveMaximum: text,
};

const numericFields = {
  multipleOf: numberAbove(0),
  minimum: number,
  maximum: number,
  exclusiveMinimum: number,
  exclusiveMaximum: number,
};

const timestampOptions = shape('logicalTypeOptions', {
  ...dateFields,
  timezone: flag,
  defaultTimezone: text,
});

/** The options each logical type allows; `boolean` and `map` allow any. */
const OPTIONS: Readonly<Record<string, Shape | undefined>> = {
  string: shape('logicalTypeOptions', {
    minLength: integerFrom(0),
    maxLength: integerFrom(0),
    pattern: text,
    format: text,
  }),
  date: shape('logicalTypeOptions', dateFields),
  timestamp: timestampOptions,
  time: timestampOptions,
  integer: shape('logicalTypeOptions', {
    ...numericFields,
    format: oneOf(ODCS_INTEGER_FORMATS),
  }),
  number: shape('logicalTypeOptions', {
    ...numericFields,
    format: oneOf(ODCS_NUMBER_FORMATS),
  }),
  object: shape('logicalTypeOptions', {
    minProperties: integerFrom(0),
    maxProperties: integerFrom(0),
    required: listOf(text, {
      minItems: 1,
      uniqueItems: true,
      of: 'property names',
    }),
  }),
  array: shape('logicalTypeOptions', {
    minItems: integerFrom(0),
    maxItems: integerFrom(0),
    uniqueItems: flag,
  }),
  vector: shape(
    'logicalTypeOptions',
    {
      dimensions: integerFrom(1),
      elementType: oneOf(ODCS_VECTOR_ELEMENT_TYPES),
      distanceMetric: oneOf(ODCS_VECTOR_DISTANCE_METRICS),
      embeddingModel: text,
      embeddingModelVersion: text,
      normalized: flag,
    },
    { required: ['dimensions'] },
  ),
};

function typesAllowing(key: string): string[] {
  return Object.entries(OPTIONS)
    .filter(([type, options]) => type !== 'vector' && options?.fields.has(key))
    .map(([type]) => type);
}

/**
 * Checks `logicalTypeOptions` against the options of the property's logical type. With no
 * logical type, no option can apply (the standard checks them against every type at once),
 * so only an empty mapping passes.
 */
export function checkLogicalTypeOptions(
  c: Checker,
  value: unknown,
  logicalType: string | undefined,
): void {
  if (logicalType === undefined) {
    if (!isMapping(value)) {
      reportType(c, 'a mapping of options', value);
    } else if (Object.keys(value).length > 0) {
      c.report(
        'logical-type-options',
        `${c.subject()} needs a \`logicalType\`: which options apply depends on it (e.g. \`maxLength\` for \`string\`, \`maximum\` for \`integer\`). Add \`logicalType\` to the property, or remove the options`,
      );
    }
    return;
  }
  const options = OPTIONS[logicalType];
  if (!options) {
    if (!isMapping(value)) reportType(c, 'a mapping of options', value);
    return;
  }
  checkShape(c, value, options, {
    explainUnknown: key => {
      const owners = typesAllowing(key);
      const allowed = [...options.fields.keys()].join(', ');
      return owners.length > 0
        ? `\`${key}\` ${c.placeIn()} applies to logicalType ${owners.join(
            ' or ',
          )}, not \`${logicalType}\` (which allows ${allowed})`
        : undefined;
    },
  });
}
