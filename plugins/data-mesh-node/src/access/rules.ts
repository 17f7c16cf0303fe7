/**
 * The permission rules of data products. A policy combines them into conditions with
 * {@link dataMeshProductConditions}; the data-mesh backend applies them.
 */
import {
  CLASSIFICATION_LEVELS,
  principalRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import {
  type DataProductResource,
  dataMeshProductResourceRef,
} from './resource';

/** Claims as the access model compares them: full, lower-case entity refs. */
function principalRefs(claims: readonly string[]): string[] {
  return claims
    .map(c => principalRef(c))
    .filter((c): c is string => c !== undefined);
}

const isProductAudience = createPermissionRule({
  name: 'IS_PRODUCT_AUDIENCE',
  description:
    'Allow the products whose access model lets these claims discover, read or write them: by classification defaults, owners, the contract roles and access block, and grants',
  resourceRef: dataMeshProductResourceRef,
  paramsSchema: z.object({
    action: z
      .enum(['discover', 'read', 'write'])
      .describe('What the claims would do with the product'),
    claims: z
      .array(z.string())
      .describe("The user's ownership entity refs (the user and their groups)"),
  }),
  apply: (resource: DataProductResource, { action, claims }) =>
    resource.access.allows(action, claims, resource.grants),
  toQuery: ({ action, claims }) => ({
    audience: { action, claims: principalRefs(claims) },
  }),
});

const isProductOwner = createPermissionRule({
  name: 'IS_PRODUCT_OWNER',
  description: 'Allow the products owned by one of these claims',
  resourceRef: dataMeshProductResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of users or groups, e.g. group:default/finance'),
  }),
  apply: (resource: DataProductResource, { claims }) =>
    resource.access.isOwnedBy(claims),
  toQuery: ({ claims }) => ({ owners: principalRefs(claims) }),
});

const hasClassification = createPermissionRule({
  name: 'HAS_CLASSIFICATION',
  description:
    'Allow the products whose classification level (the strictest one written on the entity or in the contract) is one of these',
  resourceRef: dataMeshProductResourceRef,
  paramsSchema: z.object({
    levels: z
      .array(z.enum(CLASSIFICATION_LEVELS))
      .describe('Classification levels, e.g. public, internal'),
  }),
  apply: (resource: DataProductResource, { levels }) =>
    (levels as string[]).includes(resource.access.level),
  toQuery: ({ levels }) => ({ levels: [...levels] }),
});

/**
 * The rules of data products, registered by the data-mesh backend.
 * @public
 */
export const dataMeshProductPermissionRules = {
  isProductAudience,
  isProductOwner,
  hasClassification,
};

const exported = createConditionExports({
  resourceRef: dataMeshProductResourceRef,
  rules: dataMeshProductPermissionRules,
});

/**
 * Condition factories for data-product permissions, for a permission policy:
 * `dataMeshProductConditions.isProductAudience({ action: 'read', claims })`.
 * @public
 */
export const dataMeshProductConditions = exported.conditions;

/**
 * Wraps data-product conditions into the decision a permission policy returns.
 * @public
 */
export const createDataMeshProductConditionalDecision =
  exported.createConditionalDecision;
