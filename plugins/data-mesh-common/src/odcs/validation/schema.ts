import { ODCS_LOGICAL_TYPES, ODCS_SEMANTIC_TYPES } from '../model/lists';
import {
  Check,
  checkShape,
  Checker,
  extendShape,
  Field,
  hasKey,
  isMapping,
  reportType,
  Shape,
  shape,
  v32,
} from './checker';
import {
  authoritativeDefinitions,
  customProperties,
  propertyRelationships,
  scalar,
  schemaRelationships,
  synonyms,
  tags,
} from './common';
import { context } from './context';
import { checkLogicalTypeOptions } from './logicalTypeOptions';
import { qualityRules } from './quality';
import {
  anyMapping,
  anything,
  flag,
  integer,
  listOf,
  oneOf,
  stableId,
  text,
  textList,
} from './values';

/** Properties nest; past this depth a contract is surely broken (or cyclic), so stop. */
const MAX_PROPERTY_DEPTH = 200;

const V31_LOGICAL_TYPES = ODCS_LOGICAL_TYPES.filter(
  type => type !== 'map' && type !== 'vector',
);
const V32_ONLY_LOGICAL_TYPES = new Set<string>(['map', 'vector']);

const logicalType: Check = (c, value) => {
  if (
    !c.v32 &&
    typeof value === 'string' &&
    V32_ONLY_LOGICAL_TYPES.has(value)
  ) {
    c.report(
      'enum',
      `logicalType \`${value}\` in ${c
        .place()
        .replace(
          /\.logicalType$/,
          '',
        )} is an ODCS v3.2 feature, and this contract declares an earlier apiVersion; declare \`apiVersion: v3.2.0\` to use it`,
    );
    return;
  }
  oneOf(c.v32 ? ODCS_LOGICAL_TYPES : V31_LOGICAL_TYPES)(c, value);
};

/** What schema objects and properties share. */
const elementFields: Record<string, Check | Field> = {
  id: stableId,
  name: text,
  physicalType: text,
  description: text,
  businessName: text,
  deprecated: v32(flag),
  synonyms: v32(synonyms),
  authoritativeDefinitions,
  tags,
  customProperties,
};

const enumValue = shape(
  'enum value',
  {
    value: scalar,
    label: text,
    id: stableId,
    description: text,
    customProperties,
    authoritativeDefinitions,
    tags,
  },
  { required: ['value'] },
);

const enumValues = listOf((c, value) => void checkShape(c, value, enumValue), {
  minItems: 1,
  uniqueItems: true,
  of: 'allowed values ({value, label})',
});

const baseProperty = shape('property', {
  ...elementFields,
  logicalType,
  // Checked against the logical type by checkProperty.
  logicalTypeOptions: anything,
  physicalName: text,
  required: flag,
  unique: flag,
  primaryKey: flag,
  primaryKeyPosition: integer,
  partitioned: flag,
  partitionKeyPosition: integer,
  classification: text,
  encryptedName: text,
  transformSourceObjects: textList,
  transformLogic: text,
  transformDescription: text,
  examples: listOf(anything),
  criticalDataElement: flag,
  relationships: propertyRelationships,
  quality: qualityRules,
  semanticType: v32(oneOf(ODCS_SEMANTIC_TYPES)),
  enum: v32(enumValues),
});

type PropertyKind = 'property' | 'item';

const propertyList: Check = listOf(
  (c, value) => checkProperty(c, value, 'property'),
  { of: 'properties' },
);
const item: Check = (c, value) => checkProperty(c, value, 'item');
const mapDefinition = shape(
  'map definition',
  { key: item, value: item },
  { required: ['key', 'value'] },
);
const map: Check = (c, value) => void checkShape(c, value, mapDefinition);

/** Keys that only some logical types take, and which. */
const TYPED_KEYS: Readonly<Record<string, string>> = {
  properties: 'object',
  items: 'array',
  map: 'map',
};

const shapes = new Map<string, Shape>();

/** Stands for a logicalType the rules do not know: no type-specific key applies. */
const UNKNOWN_TYPE = '\u0000unknown';

/**
 * The shape of a property of the given logical type. With no logical type the standard
 * applies the rules of every type at once, so `properties`, `items` (and `map`) all pass.
 */
function propertyShape(type: string | undefined, kind: PropertyKind): Shape {
  const key = `${kind}:${type ?? ''}`;
  let found = shapes.get(key);
  if (found) return found;
  const extra: Record<string, Check | Field> = {};
  const required: string[] = kind === 'property' ? ['name'] : [];
  // Array items declare `properties` for themselves too, but the base property's own
  // closedness still only lets object (or untyped) items have them.
  if (type === undefined || type === 'object') extra.properties = propertyList;
  if (type === undefined || type === 'array') extra.items = item;
  if (type === undefined || type === 'map') extra.map = v32(map);
  if (type === 'map') required.push('map');
  found = extendShape(baseProperty, 'property', extra, { required });
  shapes.set(key, found);
  return found;
}

function checkProperty(c: Checker, value: unknown, kind: PropertyKind): void {
  if (c.path.length > MAX_PROPERTY_DEPTH) {
    c.report(
      'too-deep',
      `properties nest more than ${MAX_PROPERTY_DEPTH} levels deep here (does the contract refer to itself?); what is below was not checked`,
    );
    return;
  }
  if (!isMapping(value)) {
    reportType(c, 'a property (a mapping of keys to values)', value);
    return;
  }
  const present = hasKey(value, 'logicalType');
  const raw = value.logicalType;
  const types: readonly string[] = c.v32
    ? ODCS_LOGICAL_TYPES
    : V31_LOGICAL_TYPES;
  const known = !present || (typeof raw === 'string' && types.includes(raw));
  let type: string | undefined;
  if (present) type = known ? (raw as string) : UNKNOWN_TYPE;
  checkShape(c, value, propertyShape(type, kind), {
    // After a wrong logicalType, the keys of other types are noise: the type is the problem.
    skipUnknown: key => !known && key in TYPED_KEYS,
    explainUnknown: key => {
      const owner = TYPED_KEYS[key];
      return owner
        ? `\`${key}\` ${c.placeIn()} only applies to logicalType ${owner}, and this property is \`${type}\``
        : undefined;
    },
  });
  if (hasKey(value, 'logicalTypeOptions')) {
    c.at('logicalTypeOptions', () => {
      if (known) checkLogicalTypeOptions(c, value.logicalTypeOptions, type);
      else anyMapping(c, value.logicalTypeOptions);
    });
  }
}

const schemaObject = shape(
  'schema object',
  {
    ...elementFields,
    logicalType: oneOf(['object']),
    physicalName: text,
    dataGranularityDescription: text,
    properties: propertyList,
    relationships: schemaRelationships,
    quality: qualityRules,
    context: v32(context),
  },
  { required: ['name'] },
);

/** `schema`: the contract's tables, views, topics, files... */
export const schemaObjects = listOf(
  (c, value) => void checkShape(c, value, schemaObject),
  { of: 'schema objects (tables, views, topics...)' },
);
