import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { dataMeshActionsUsePermission } from '@backstage-data-mesh/plugin-data-mesh-common';
import { productByRef } from '../router/access';
import { sloStatus } from '../router/sloRoutes';
import type { RouterContext } from '../router/context';

/** `data-mesh:get-slo-status`: a product's SLOs now and over 7 or 30 days, for its readers. */
export function registerGetSloStatusAction(
  registry: ActionsRegistryService,
  ctx: RouterContext,
) {
  registry.register({
    name: 'get-slo-status',
    title: 'SLO status of a data product',
    description:
      "Returns each SLO of a data product (freshness, completeness, quality rules, availability…) with its target, current status (pass, fail, error, unknown), since when, the last measured value, attainment and the error budget left over the window. Only for callers who may read the product's data; others are told whom to ask.",
    visibilityPermission: dataMeshActionsUsePermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The data product, e.g. component:default/orders'),
          window: z
            .enum(['7d', '30d'])
            .optional()
            .describe('The window of attainment and error budget (default 7d)'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          window: z.string(),
          evaluatedAt: z.string().optional(),
          slos: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              kind: z.string(),
              target: z.string(),
              status: z.string(),
              since: z.string().optional(),
              lastValue: z.number().optional(),
              lastObservedAt: z.string().optional(),
              lastError: z.string().optional(),
              attainment: z.number(),
              errorBudgetRemaining: z.number(),
              source: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { product } = await productByRef(
        ctx,
        credentials,
        input.entityRef,
        'read',
      );
      const status = await sloStatus(ctx, product, input.window ?? '7d');
      return {
        output: {
          entityRef: product.entityRef,
          window: status.window,
          evaluatedAt: status.evaluatedAt,
          slos: status.slos.map(s => ({
            id: s.id,
            name: s.name,
            kind: s.kind,
            target: s.target.text,
            status: s.status,
            since: s.since,
            lastValue: s.lastValue,
            lastObservedAt: s.lastObservedAt,
            lastError: s.lastError,
            attainment: s.attainment,
            errorBudgetRemaining: s.errorBudget.remaining,
            source: s.source,
          })),
        },
      };
    },
  });
}
