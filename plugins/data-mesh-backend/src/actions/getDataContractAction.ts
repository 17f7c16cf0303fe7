import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dataMeshActionsUsePermission } from '@backstage-data-mesh/plugin-data-mesh-common';
import { productByRef } from '../router/access';
import { contractResponse } from '../router/summaries';
import type { RouterContext } from '../router/context';

/**
 * `data-mesh:get-data-contract`: a product's contract as the access model allows: whole for
 * its readers, without what reveals data (examples, the source text) for those who may
 * only discover it; not found for anyone else.
 */
export function registerGetDataContractAction(
  registry: ActionsRegistryService,
  ctx: RouterContext,
) {
  registry.register({
    name: 'get-data-contract',
    title: 'Read a data contract',
    description:
      "Returns a data product's contract, normalised to ODCS v3.1 (schema objects and fields with types and descriptions, quality rules, SLA properties, servers). Callers who may discover the product but not read its data get it without examples and without the source text (`redacted: true`). A product the caller may not discover is reported as not found.",
    visibilityPermission: dataMeshActionsUsePermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The data product, e.g. component:default/orders (a bare name is a component in the default namespace)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          format: z
            .string()
            .describe('The format it was written in: odcs, dcs, datamesh-v1…'),
          redacted: z.boolean(),
          contract: z.record(z.unknown()).optional(),
          source: z
            .string()
            .optional()
            .describe('The contract as written (readers only)'),
          issues: z.array(z.record(z.unknown())),
        }),
    },
    action: async ({ input, credentials }) => {
      const { product, sight } = await productByRef(
        ctx,
        credentials,
        input.entityRef,
        'discover',
      );
      const body = contractResponse(product, sight);
      return {
        output: {
          entityRef: product.entityRef,
          format: body.format,
          redacted: body.redacted ?? false,
          contract: body.contract as Record<string, unknown> | undefined,
          source: body.source,
          issues: body.issues as unknown as Record<string, unknown>[],
        },
      };
    },
  });
}
