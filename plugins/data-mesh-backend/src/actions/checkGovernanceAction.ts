import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dataMeshActionsUsePermission } from '@backstage-data-mesh/plugin-data-mesh-common';
import { evaluateDraft } from '../governance/evaluateDraft';
import type { RouterContext } from '../router/context';

/**
 * `data-mesh:check-governance`: the governance verdict of a draft product, before it exists,
 * by the policies the catalog and the scaffolder enforce.
 */
export function registerCheckGovernanceAction(
  registry: ActionsRegistryService,
  ctx: RouterContext,
) {
  registry.register({
    name: 'check-governance',
    title: 'Check a draft data product against the governance policies',
    description:
      "Evaluates the platform's governance policies (the built-in rule pack, the global and the domain policy files) on a draft data product: its catalog-info.yaml entity and, optionally, its contract as text in any format the portal reads (ODCS, Data Contract Specification, datamesh/v1, data_product.yaml). Returns whether it would be blocked and, per policy, pass, warn or block with the reason and how to fix it. Nothing is stored.",
    visibilityPermission: dataMeshActionsUsePermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entity: z
            .record(z.unknown())
            .describe(
              'The draft catalog entity (catalog-info.yaml as JSON): kind Component, spec.type data-product, metadata, spec.owner, spec.dataProduct…',
            ),
          contract: z
            .string()
            .optional()
            .describe("The draft contract's text, e.g. ODCS YAML"),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          health: z.string(),
          blocked: z.boolean(),
          summary: z.record(z.number()),
          results: z.array(z.record(z.unknown())),
          issues: z.array(z.record(z.unknown())),
        }),
    },
    action: async ({ input }) => {
      const verdict = evaluateDraft(ctx.verdicts, input);
      return {
        output: {
          entityRef: verdict.entityRef,
          health: verdict.health,
          blocked: verdict.blocked,
          summary: verdict.summary as unknown as Record<string, number>,
          results: verdict.results as unknown as Record<string, unknown>[],
          issues: verdict.issues as unknown as Record<string, unknown>[],
        },
      };
    },
  });
}
