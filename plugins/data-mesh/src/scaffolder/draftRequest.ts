import {
  draftDataProduct,
  serializeOdcs,
  type DataProductDraftInput,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceEvaluateRequest } from '@backstage-data-mesh/plugin-data-mesh-client';

/**
 * What the governance field sends to `POST /api/data-mesh/governance/evaluate`: the product
 * the form describes so far, drafted exactly as `data-mesh:contract:generate` will write it.
 * The form's values use the action's input names; `fixed` adds what the template fixes
 * rather than asks (e.g. `productKind`).
 */
export function draftRequest(
  formData: Record<string, unknown> | undefined,
  fixed: Record<string, unknown> = {},
): GovernanceEvaluateRequest {
  const input = { ...formData, ...fixed } as DataProductDraftInput;
  const { entity, contract } = draftDataProduct(input);
  return { entity, contract: serializeOdcs(contract) };
}
