import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  dataMeshActionsUsePermission,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { productPage } from '../router/summaries';
import type { RouterContext } from '../router/context';

/**
 * `data-mesh:find-data-products`: the products the caller may discover, matching words of
 * their name, title, description, tags and field names, a domain or an owner.
 */
export function registerFindDataProductsAction(
  registry: ActionsRegistryService,
  ctx: RouterContext,
) {
  registry.register({
    name: 'find-data-products',
    title: 'Find data products',
    description:
      'Lists the data products the caller may discover, optionally only those whose name, title, description, tags or field names contain every word of `query`, of a domain or an owner. Each comes with its entity ref (for the other data-mesh actions), owner, domain, classification, SLO health (only where the caller may read the product) and governance verdict.',
    visibilityPermission: dataMeshActionsUsePermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          query: z
            .string()
            .optional()
            .describe('Words a product must mention, e.g. "orders customer"'),
          domain: z
            .string()
            .optional()
            .describe(
              'A domain ref or name, e.g. domain:default/logistics or logistics',
            ),
          owner: z
            .string()
            .optional()
            .describe('An owner ref, e.g. group:default/analytics'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(200)
            .optional()
            .describe('At most this many products (default 50)'),
        }),
      output: z =>
        z.object({
          total: z.number().describe('How many products matched'),
          products: z.array(
            z.object({
              entityRef: z.string(),
              name: z.string(),
              title: z.string().optional(),
              description: z.string().optional(),
              domain: z.string().optional(),
              owner: z.string().optional(),
              classification: z.string().optional(),
              version: z.string().optional(),
              sloHealth: z.string(),
              governance: z.string(),
              mayRead: z
                .boolean()
                .describe(
                  'Whether the caller may read its data and SLO status',
                ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = (text: string | undefined, defaultKind: string) => {
        if (!text?.trim()) return undefined;
        try {
          return productRef(text, { defaultKind });
        } catch (error) {
          throw new InputError(`${defaultKind}: ${(error as Error).message}`);
        }
      };
      // the explorer's listing: filtered and paged in the database, as the caller may see it
      const page = await productPage(ctx, credentials, {
        offset: 0,
        limit: input.limit ?? 50,
        q: input.query,
        domain: ref(input.domain, 'domain'),
        owner: ref(input.owner, 'group'),
        mine: false,
        demos: true,
      });
      return {
        output: {
          total: page.total,
          products: page.items.map(p => ({
            entityRef: p.entityRef,
            name: p.name,
            title: p.title,
            description: p.description,
            domain: p.domain,
            owner: p.owner,
            classification: p.classification,
            version: p.version,
            sloHealth: p.sloHealth,
            governance: p.governance,
            mayRead: p.access?.read ?? false,
          })),
        },
      };
    },
  });
}
