/**
 * The product's classification: how sensitive its data is, and whether reading its
 * contract and measured data needs the restricted-read permission.
 */
import type { Entity } from '@backstage/catalog-model';
import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';

/** The entity annotation that classifies a whole product. */
export const CLASSIFICATION_ANNOTATION = 'data-mesh/classification';

const RANK: Record<string, number> = {
  public: 0,
  internal: 1,
  confidential: 2,
  sensitive: 2,
  restricted: 3,
  secret: 3,
};

/** From `restricted` (and `secret`) up, a product counts as restricted; `confidential` data is readable by every signed-in user. */
export const RESTRICTED_FROM_RANK = RANK.restricted;

/**
 * The product's classification: the entity annotation when given, else the contract's
 * `classification` custom property, else the most sensitive classification of its fields.
 */
export function productClassification(
  entity: Entity,
  contract?: OdcsContract,
): string | undefined {
  const annotated = entity.metadata.annotations?.[CLASSIFICATION_ANNOTATION];
  if (annotated?.trim()) return annotated.trim().toLowerCase();
  const custom = contract?.customProperties?.find(
    p =>
      p?.property === 'classification' || p?.property === 'dataClassification',
  );
  if (typeof custom?.value === 'string' && custom.value.trim())
    return custom.value.trim().toLowerCase();
  let best: string | undefined;
  for (const object of contract?.schema ?? []) {
    for (const property of object?.properties ?? []) {
      const c =
        typeof property?.classification === 'string'
          ? property.classification.toLowerCase()
          : undefined;
      if (c && (best === undefined || (RANK[c] ?? 1) > (RANK[best] ?? 1)))
        best = c;
    }
  }
  return best;
}

/** True when the classification makes the product's contract and data restricted. */
export function isRestricted(classification: string | undefined): boolean {
  return (
    classification !== undefined &&
    (RANK[classification] ?? 0) >= RESTRICTED_FROM_RANK
  );
}
