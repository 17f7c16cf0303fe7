/**
 * How sensitive a data product's data is: one reading of every place a classification is
 * written (the entity and the contract, down to nested fields), where the strictest wins.
 */

/**
 * The classification levels the suite decides access by, least sensitive first.
 * @public
 */
export const CLASSIFICATION_LEVELS = [
  'public',
  'internal',
  'confidential',
  'restricted',
  'secret',
] as const;

/**
 * One of {@link CLASSIFICATION_LEVELS}.
 * @public
 */
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/**
 * Words contracts use for a level, compared without case, spaces, `-` or `_`. ODCS allows
 * any text; a value that is none of these counts as `confidential` (see
 * {@link classificationLevel}).
 */
const SYNONYMS: Record<string, ClassificationLevel> = {
  public: 'public',
  open: 'public',
  internal: 'internal',
  confidential: 'confidential',
  sensitive: 'confidential',
  private: 'confidential',
  pii: 'confidential',
  spi: 'confidential',
  phi: 'confidential',
  personal: 'confidential',
  personaldata: 'confidential',
  restricted: 'restricted',
  highlyconfidential: 'restricted',
  sensitivepersonaldata: 'restricted',
  secret: 'secret',
  topsecret: 'secret',
};

/**
 * The level a written classification stands for, or undefined for no (empty) value. A
 * value the suite does not know (`tier-2`, `5`) is read as `confidential`: neither open to
 * everyone nor hidden, until the platform team maps it.
 * @public
 */
export function classificationLevel(
  value: unknown,
): ClassificationLevel | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value)
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (!key) return undefined;
  return SYNONYMS[key] ?? 'confidential';
}

/**
 * How sensitive a level is: 0 (public) to 4 (secret); undefined for no value.
 * @public
 */
export function classificationRank(value: unknown): number | undefined {
  const level = classificationLevel(value);
  return level === undefined ? undefined : CLASSIFICATION_LEVELS.indexOf(level);
}

/**
 * The stricter of two levels.
 * @public
 */
export function stricterLevel(
  a: ClassificationLevel | undefined,
  b: ClassificationLevel | undefined,
): ClassificationLevel | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return CLASSIFICATION_LEVELS.indexOf(a) >= CLASSIFICATION_LEVELS.indexOf(b)
    ? a
    : b;
}

/**
 * A product's classification: the strictest level written anywhere, and every place one
 * was written.
 * @public
 */
export interface ProductClassification {
  level?: ClassificationLevel;
  sources: Array<{
    /** `annotation`, `spec`, `contract` (custom property) or `field`. */
    where: 'annotation' | 'spec' | 'contract' | 'field';
    /** The annotation or property, or the field's path (`orders.customer.email`). */
    name: string;
    written: string;
    level: ClassificationLevel;
  }>;
}

/** The annotation with which an entity classifies its whole product. */
export const CLASSIFICATION_ANNOTATION = 'data-mesh/classification';

type Loose = Record<string, any> | undefined | null;

function customProperties(list: unknown): Array<[string, unknown]> {
  if (!Array.isArray(list)) return [];
  return list
    .filter(p => p && typeof p.property === 'string')
    .map(p => [p.property as string, p.value]);
}

/**
 * Reads the product's classification from everything written about it: the entity's
 * `data-mesh/classification` annotation and `spec.classification`, the contract's
 * `classification` (or `dataClassification`) custom property, and the classification of
 * every schema field, nested ones included. The strictest level wins, so an annotation can
 * never make a product look less sensitive than its contract says.
 * @public
 */
export function productClassification(
  entity: Loose,
  contract: Loose,
): ProductClassification {
  const sources: ClassificationSource[] = [];
  const add = (
    where: ClassificationSource['where'],
    name: string,
    written: unknown,
  ) => {
    const level = classificationLevel(written);
    if (level) sources.push({ where, name, written: String(written), level });
  };
  add(
    'annotation',
    CLASSIFICATION_ANNOTATION,
    entity?.metadata?.annotations?.[CLASSIFICATION_ANNOTATION],
  );
  add('spec', 'spec.classification', entity?.spec?.classification);
  for (const [property, value] of customProperties(
    contract?.customProperties,
  )) {
    const key = property.toLowerCase();
    if (key === 'classification' || key === 'dataclassification')
      add('contract', `customProperties.${property}`, value);
  }
  const visit = (properties: unknown, prefix: string) => {
    if (!Array.isArray(properties)) return;
    for (const property of properties) {
      if (!property || typeof property !== 'object') continue;
      const path = `${prefix}.${property.name ?? '?'}`;
      add('field', path, property.classification);
      visit(property.properties, path);
      visit(property.items?.properties, path);
    }
  };
  if (Array.isArray(contract?.schema)) {
    for (const object of contract!.schema) {
      if (!object || typeof object !== 'object') continue;
      add('field', String(object.name ?? '?'), object.classification);
      visit(object.properties, String(object.name ?? '?'));
    }
  }
  let level: ClassificationLevel | undefined;
  for (const source of sources) level = stricterLevel(level, source.level);
  return { level, sources };
}

/**
 * Where a classification was written, for the product page's "why".
 */
export type ClassificationSource = ProductClassification['sources'][number];
