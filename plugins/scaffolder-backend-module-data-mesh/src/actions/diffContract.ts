import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DATA_PRODUCT_TYPE,
  PROCESSED_ANNOTATIONS,
  diffContracts,
  impactInCatalog,
  readContract,
  type OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ProductContracts } from '../governance/DataMeshApiClient';
import { readInside } from '../workspacePaths';
import { inputProductRef } from '../inputProductRef';
import { examples } from './diffContract.examples';

async function readWorkspaceContract(
  workspacePath: string,
  file: string,
  input: string,
): Promise<OdcsContract> {
  const reading = readContract(await readInside(workspacePath, file, input), {
    fileName: file,
  });
  if (!reading.contract) {
    throw new InputError(
      `${input} "${file}" holds no readable contract: ${
        reading.issues.map(i => i.message).join('; ') || 'unknown format'
      }`,
    );
  }
  return reading.contract;
}

/**
 * Creates the `data-mesh:contract:diff` action: compares a new version of a product's
 * contract with the one the catalog holds, classifies every change, and fails when the new
 * version number is too small for the changes, naming the downstream products (and their
 * owners) that the breaking changes would hit.
 *
 * @public
 */
export function createDiffContractAction(options: {
  contracts: ProductContracts;
  catalog: CatalogService;
}) {
  const { contracts, catalog } = options;
  return createTemplateAction({
    id: 'data-mesh:contract:diff',
    description:
      'Classifies the changes of a new contract version and fails when the version bump is too small, naming the consumers it would hit',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description:
              'The existing data product, e.g. component:default/orders',
          }),
        contractPath: z =>
          z
            .string({
              description:
                'The new contract, relative to the workspace; "contract.odcs.yaml" by default',
            })
            .optional(),
        previousContractPath: z =>
          z
            .string({
              description:
                'The previous contract, relative to the workspace; by default the contract the catalog holds for entityRef',
            })
            .optional(),
      },
      output: {
        requiredBump: z =>
          z
            .enum(['major', 'minor', 'patch', 'none'])
            .describe('The smallest bump the changes need'),
        versionOk: z =>
          z
            .boolean()
            .describe('The new version number satisfies the required bump'),
        breaking: z => z.boolean().describe('At least one change is breaking'),
        consumers: z =>
          z
            .array(z.string())
            .describe('Downstream products the breaking changes hit'),
        owners: z => z.array(z.string()).describe('Their owners, to notify'),
        diff: z =>
          z.record(z.string(), z.unknown()).describe('Every classified change'),
      },
    },
    async handler(ctx) {
      const { contractPath = 'contract.odcs.yaml', previousContractPath } =
        ctx.input;
      const entityRef = inputProductRef(ctx.input.entityRef);
      const credentials = await ctx.getInitiatorCredentials();
      const next = await readWorkspaceContract(
        ctx.workspacePath,
        contractPath,
        'contractPath',
      );
      let previous: OdcsContract | undefined;
      if (previousContractPath) {
        previous = await readWorkspaceContract(
          ctx.workspacePath,
          previousContractPath,
          'previousContractPath',
        );
      } else {
        const current = await contracts.currentContract(entityRef, {
          credentials,
        });
        if (!current.contract) {
          throw new InputError(
            `The catalog holds no readable contract for ${entityRef} (${current.issues
              .map(i => i.message)
              .join(
                '; ',
              )}): fix its contract first, or give previousContractPath`,
          );
        }
        previous = current.contract;
      }

      const diff = diffContracts(previous, next);
      const { items: products } = await catalog.getEntities(
        {
          filter: { kind: 'Component', 'spec.type': DATA_PRODUCT_TYPE },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'spec.owner',
            'spec.dataProduct.inputPorts',
            `metadata.annotations.${PROCESSED_ANNOTATIONS.contractStatus}`,
            'relations',
          ],
        },
        { credentials },
      );
      const impact = impactInCatalog(diff, entityRef, products);
      const consumers = impact.affected.map(a => a.entityRef);

      ctx.logger.info(
        `${entityRef}: ${diff.changes.length} change(s) from ${
          diff.oldVersion ?? '(no version)'
        } to ${diff.newVersion ?? '(no version)'}; they need a ${
          diff.requiredBump
        } version bump.`,
      );
      for (const change of diff.changes) {
        const level = change.severity === 'breaking' ? 'warn' : 'info';
        ctx.logger[level](
          `${change.severity === 'breaking' ? '⚠' : '•'} [${change.severity}, ${
            change.bump
          }] ${change.message}`,
        );
      }
      if (impact.affected.length > 0) {
        ctx.logger.warn(
          `The breaking changes reach ${
            impact.affected.length
          } downstream product(s): ${impact.affected
            .map(
              a =>
                `${a.entityRef}${a.owner ? ` (owner ${a.owner})` : ''}${
                  a.distance > 1 ? ` via ${a.via.slice(1).join(' → ')}` : ''
                }`,
            )
            .join(', ')}`,
        );
      }

      ctx.output('requiredBump', diff.requiredBump);
      ctx.output('versionOk', diff.versionOk);
      ctx.output('breaking', impact.breakingChanges.length > 0);
      ctx.output('consumers', consumers);
      ctx.output('owners', impact.owners);
      ctx.output('diff', diff as unknown as Record<string, unknown>);

      if (!diff.versionOk) {
        const hit =
          consumers.length > 0
            ? `It would hit ${consumers.length} consumer(s): ${impact.affected
                .map(
                  a => `${a.entityRef}${a.owner ? ` (owner ${a.owner})` : ''}`,
                )
                .join(', ')}.`
            : 'No downstream product declares that it reads this one.';
        throw new InputError(
          [
            `The new version is too small for the changes: ${diff.versionMessage}`,
            ...diff.changes
              .filter(c => c.bump === diff.requiredBump)
              .map(c => `  - ${c.message}`),
            hit,
            `Raise the version to at least the next ${diff.requiredBump} version, or make the change compatible.`,
          ].join('\n'),
        );
      }
    },
  });
}
