import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  type OdcsContract,
  dataMeshActionsUsePermission,
  diffContracts,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { productByRef } from '../router/access';
import type { RouterContext } from '../router/context';

/** A contract read from text, or an input error saying which one does not read. */
function contractOf(text: string, which: string): OdcsContract {
  const { contract, issues } = readContract(text, { fileName: which });
  if (!contract) {
    const first = issues.find(i => i.severity === 'error');
    throw new InputError(
      `the ${which} contract could not be read${
        first ? `: ${first.message}` : ''
      }`,
    );
  }
  return contract;
}

/**
 * `data-mesh:diff-contract-versions`: the changes between two versions of a contract,
 * classified (breaking, warning, info), and whether the new version number is bumped enough.
 */
export function registerDiffContractsAction(
  registry: ActionsRegistryService,
  ctx: RouterContext,
) {
  registry.register({
    name: 'diff-contract-versions',
    title: 'Diff two versions of a data contract',
    description:
      'Classifies every change between two versions of a data contract as breaking (consumers may break: a field removed, a weaker guarantee), warning or info, says which version bump the changes need and whether the new version number satisfies it. Give the old version as text (`before`) or as a data product whose current contract it is (`entityRef`, for callers who may read that product); the new version as text (`after`). Nothing is stored.',
    visibilityPermission: dataMeshActionsUsePermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          before: z
            .string()
            .optional()
            .describe('The old version of the contract, as text'),
          entityRef: z
            .string()
            .optional()
            .describe(
              'Instead of `before`: the data product whose current contract is the old version',
            ),
          after: z
            .string()
            .describe('The new version of the contract, as text'),
        }),
      output: z =>
        z.object({
          changes: z.array(
            z.object({
              path: z.string(),
              kind: z.string(),
              severity: z.string(),
              message: z.string(),
              bump: z.string(),
            }),
          ),
          requiredBump: z.string(),
          oldVersion: z.string().optional(),
          newVersion: z.string().optional(),
          versionOk: z.boolean(),
          versionMessage: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      if ((input.before === undefined) === (input.entityRef === undefined))
        throw new InputError(
          'give the old version either as text (before) or as a data product (entityRef), not both',
        );
      const before =
        input.before !== undefined
          ? contractOf(input.before, 'before')
          : (await productByRef(ctx, credentials, input.entityRef!, 'read'))
              .product.contract;
      if (!before)
        throw new InputError(
          `${input.entityRef} has no contract that could be read`,
        );
      const diff = diffContracts(before, contractOf(input.after, 'after'));
      return {
        output: {
          changes: diff.changes.map(c => ({
            path: c.path,
            kind: c.kind,
            severity: c.severity,
            message: c.message,
            bump: c.bump,
          })),
          requiredBump: diff.requiredBump,
          oldVersion: diff.oldVersion,
          newVersion: diff.newVersion,
          versionOk: diff.versionOk,
          versionMessage: diff.versionMessage,
        },
      };
    },
  });
}
