import { InputError } from '@backstage/errors';
import {
  productRef,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { ProductVerdicts } from './ProductVerdicts';

/**
 * The governance verdict of a draft data product (a catalog entity not registered yet, and
 * optionally its contract as text in any accepted format, or as an object). Wrong shapes are
 * an `InputError` saying what to send.
 */
export function evaluateDraft(
  verdicts: ProductVerdicts,
  draft: { entity?: unknown; contract?: unknown },
): GovernanceResponse {
  const { entity, contract } = draft;
  if (typeof entity !== 'object' || entity === null || Array.isArray(entity)) {
    throw new InputError(
      'entity must be the draft catalog entity as an object (catalog-info.yaml read as JSON)',
    );
  }
  if (
    contract !== undefined &&
    typeof contract !== 'string' &&
    (typeof contract !== 'object' || contract === null)
  ) {
    throw new InputError(
      'contract must be the contract text (any accepted format) or the contract as an object',
    );
  }
  const reading =
    contract === undefined
      ? undefined
      : readContract(
          typeof contract === 'string' ? contract : JSON.stringify(contract),
          { fileName: 'draft contract' },
        );
  const metadata = (entity as { metadata?: Record<string, unknown> }).metadata;
  const name =
    typeof metadata?.name === 'string' && metadata.name
      ? metadata.name
      : 'draft';
  const namespace =
    typeof metadata?.namespace === 'string' ? metadata.namespace : undefined;
  return verdicts.draft({
    entityRef: productRef({ kind: 'component', namespace, name }),
    entity: entity as Record<string, unknown>,
    contract: reading?.contract,
    contractIssues: reading?.issues ?? [],
  });
}
