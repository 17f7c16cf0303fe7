import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { reviseContractFile } from '@backstage-data-mesh/plugin-data-mesh-common';
import { readInside, writeInside } from '../workspacePaths';
import { fieldSchema } from './draftInputSchema';
import { examples } from './reviseContract.examples';
import { skeletonFields } from './skeletonValues';

/**
 * Creates the `data-mesh:contract:revise` action: applies a new version's changes (fields
 * added and removed, the version number, the deprecation notice and migration guide of a
 * breaking change) to the contract in the workspace.
 *
 * @public
 */
export function createReviseContractAction() {
  return createTemplateAction({
    id: 'data-mesh:contract:revise',
    description:
      'Applies the changes of a new version (fields added or removed, version, deprecation notice, migration guide) to a contract in the workspace',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        contractPath: z =>
          z
            .string({
              description:
                'The contract, relative to the workspace; "contract.odcs.yaml" by default',
            })
            .optional(),
        version: z => z.string({ description: 'The new version, e.g. 2.0.0' }),
        addFields: z =>
          z.array(fieldSchema(z), { description: 'Fields to add' }).optional(),
        removeFields: z =>
          z
            .array(z.string(), { description: 'Names of fields to remove' })
            .optional(),
        objectName: z =>
          z
            .string({
              description:
                "The schema object to change; the contract's first by default",
            })
            .optional(),
        deprecationNotice: z =>
          z
            .string({
              description:
                'When consumers were told about a breaking change (YYYY-MM-DD)',
            })
            .optional(),
        migrationGuide: z =>
          z
            .string({
              description: 'URL of the migration guide of a breaking change',
            })
            .optional(),
      },
      output: {
        previousVersion: z => z.string(),
        version: z => z.string(),
        applied: z =>
          z.array(z.string()).describe('One sentence per change applied'),
        fields: z =>
          z
            .array(z.record(z.string(), z.unknown()))
            .describe(
              "The revised contract's fields, for the skeleton templates",
            ),
        objectName: z =>
          z.string({ description: 'The schema object the fields belong to' }),
      },
    },
    async handler(ctx) {
      const { contractPath = 'contract.odcs.yaml', ...revision } = ctx.input;
      const revised = await reviseContractFile(
        {
          path: contractPath,
          input: 'contractPath',
          read: () =>
            readInside(ctx.workspacePath, contractPath, 'contractPath'),
        },
        revision,
      );
      if ('problem' in revised) throw new InputError(revised.problem);
      await writeInside(
        ctx.workspacePath,
        contractPath,
        'contractPath',
        revised.text,
      );
      ctx.logger.info(`Revised ${contractPath}: ${revised.applied.join('; ')}`);
      ctx.output('previousVersion', revised.previousVersion);
      ctx.output('version', revised.contract.version);
      ctx.output('applied', revised.applied);
      ctx.output(
        'fields',
        skeletonFields(revised.contract, revised.objectName),
      );
      ctx.output('objectName', revised.objectName);
    },
  });
}
