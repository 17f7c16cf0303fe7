import {
  Check,
  checkShape,
  Checker,
  describeValue,
  hasKey,
  reportType,
  shape,
  v32,
} from './checker';
import { anything, listOf, scalar, stableId, text, textList } from './values';

/** `tags`: a list of strings. */
export const tags = textList;

const customProperty = shape(
  'custom property',
  {
    id: stableId,
    property: text,
    value: anything,
    description: text,
    vendor: v32(text),
  },
  { required: ['property', 'value'] },
);

/** `customProperties`: a list of `{property, value}` entries. */
export const customProperties = listOf(
  (c, value) => void checkShape(c, value, customProperty),
  { of: 'custom properties ({property, value})' },
);

const authoritativeDefinition = shape(
  'authoritative definition',
  { id: stableId, url: text, type: text, description: text },
  { required: ['url', 'type'] },
);

/** `authoritativeDefinitions`: a list of `{url, type}` links. */
export const authoritativeDefinitions = listOf(
  (c, value) => void checkShape(c, value, authoritativeDefinition),
  { of: 'authoritative definitions ({url, type})' },
);

const synonym = shape(
  'synonym',
  {
    id: stableId,
    synonym: text,
    description: text,
    locale: text,
    source: text,
    status: text,
    customProperties,
  },
  { required: ['synonym'] },
);

/** `synonyms` (v3.2): alternative names. */
export const synonyms = listOf(
  (c, value) => void checkShape(c, value, synonym),
  { of: 'synonyms ({synonym})' },
);

/** A single value, for SLA values and enum values. */
export { scalar };

// References to properties. v3.2 lets shorthand names contain `-` and more than one dot, and
// file prefixes end in `.yml` as well as `.yaml`.
const SHORTHAND_31 = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
const SHORTHAND_32 = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$/;
const QUALIFIED_31 =
  /^(?:(?:https?:\/\/)?[A-Za-z0-9._\-/]+\.yaml#)?\/?[A-Za-z_][A-Za-z0-9_]*\/[A-Za-z0-9_-]+(?:\/[A-Za-z_][A-Za-z0-9_]*\/[A-Za-z0-9_-]+)*$/;
const QUALIFIED_32 =
  /^(?:(?:https?:\/\/)?[A-Za-z0-9._\-/]+\.ya?ml#)?\/?[A-Za-z_][A-Za-z0-9_]*\/[A-Za-z0-9_-]+(?:\/[A-Za-z_][A-Za-z0-9_]*\/[A-Za-z0-9_-]+)*$/;

export function isPropertyReference(c: Checker, value: string): boolean {
  return c.v32
    ? SHORTHAND_32.test(value) || QUALIFIED_32.test(value)
    : SHORTHAND_31.test(value) || QUALIFIED_31.test(value);
}

const REFERENCE_FORMS =
  'a property reference: `table.column`, or by ids `schema/<objectId>/properties/<propertyId>` (optionally prefixed by `file.yaml#`)';

const reference: Check = (c, value) => {
  if (typeof value !== 'string') {
    reportType(c, REFERENCE_FORMS, value);
  } else if (!isPropertyReference(c, value)) {
    c.report(
      'pattern',
      `${c.subject()} must be ${REFERENCE_FORMS}; found ${describeValue(
        value,
      )}`,
    );
  }
};

const referenceList = listOf(reference, { minItems: 1 });

/** One end of a relationship: a reference, or a non-empty list of them (composite keys). */
const relationshipEnd: Check = (c, value) => {
  if (Array.isArray(value)) referenceList(c, value);
  else if (typeof value === 'string') reference(c, value);
  else reportType(c, `${REFERENCE_FORMS}, or a list of them`, value);
};

const propertyRelationshipFields = {
  id: v32(text),
  type: (c: Checker, value: unknown) => {
    if (typeof value !== 'string')
      reportType(c, 'the string `foreignKey`', value);
    else if (value !== 'foreignKey') {
      c.report(
        'enum',
        `${c.subject()} must be \`foreignKey\` (the only relationship type); found \`${value}\``,
      );
    }
  },
  to: relationshipEnd,
  customProperties,
};

const schemaRelationship = shape(
  'schema-level relationship',
  { ...propertyRelationshipFields, from: relationshipEnd },
  { required: ['from', 'to'] },
);

/** `relationships` of a schema object: each names `from` and `to`, both single or both lists. */
export const schemaRelationships = listOf((c, value) => {
  const relationship = checkShape(c, value, schemaRelationship);
  if (!relationship) return;
  const { from, to } = relationship;
  if (!hasKey(relationship, 'from') || !hasKey(relationship, 'to')) return;
  const fromList = Array.isArray(from);
  const toList = Array.isArray(to);
  if (
    fromList !== toList &&
    (fromList || typeof from === 'string') &&
    (toList || typeof to === 'string')
  ) {
    c.report(
      'relationship-shape',
      `\`from\` and \`to\` ${c.placeIn()} must both be single references or both be lists (for a composite key); here one is a list and the other is not`,
    );
  } else if (
    fromList &&
    toList &&
    (from as unknown[]).length !== (to as unknown[]).length
  ) {
    c.report(
      'relationship-shape',
      `\`from\` lists ${
        (from as unknown[]).length
      } properties but \`to\` lists ${
        (to as unknown[]).length
      } ${c.placeIn()}; a composite key pairs them one to one`,
      { severity: 'warning' },
    );
  }
});

const propertyRelationship = shape(
  'property-level relationship',
  propertyRelationshipFields,
  { required: ['to'] },
);
const skipFrom = { skipUnknown: (key: string) => key === 'from' };

/** `relationships` of a property: the property itself is the source, so no `from`. */
export const propertyRelationships = listOf((c, value) => {
  const relationship = checkShape(c, value, propertyRelationship, skipFrom);
  if (relationship && hasKey(relationship, 'from')) {
    c.report(
      'not-allowed',
      `\`from\` ${c.placeIn()} is not written on a property's relationship: the property itself is the source. Remove \`from\`, or declare the relationship on the schema object`,
      { at: ['from'], target: 'key' },
    );
  }
});
