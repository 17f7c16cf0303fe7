import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DRAFT_CONTRACT_FILE,
  draftDataProduct,
  productRef,
  serializeOdcs,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import path from 'node:path';
import { stringify } from 'yaml';
import { writeInside } from '../workspacePaths';
import { draftInputSchema } from './draftInputSchema';
import { skeletonFields } from './skeletonValues';
import { examples } from './generateContract.examples';

/**
 * Creates the `data-mesh:contract:generate` action: writes a new data product's ODCS
 * contract and its `catalog-info.yaml` into the workspace, from the template's form (the
 * same draft the live governance field evaluates).
 *
 * @public
 */
export function createGenerateContractAction() {
  return createTemplateAction({
    id: 'data-mesh:contract:generate',
    description:
      "Writes a new data product's ODCS contract and catalog-info.yaml into the workspace, from the template's form",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...draftInputSchema,
        targetPath: z =>
          z
            .string({
              description:
                'Folder of the workspace to write the two files to, relative to the workspace; "." by default',
            })
            .optional(),
      },
      output: {
        entityRef: z =>
          z.string({ description: 'The entity ref the product will have' }),
        contractId: z =>
          z.string({ description: 'The id of the drafted contract' }),
        version: z => z.string({ description: 'The contract version' }),
        objectName: z =>
          z.string({
            description: 'The table or topic the contract describes',
          }),
        catalogInfoPath: z =>
          z.string({
            description: 'catalog-info.yaml, relative to the workspace',
          }),
        contractPath: z =>
          z.string({
            description: 'The contract file, relative to the workspace',
          }),
        fields: z =>
          z
            .array(z.record(z.string(), z.unknown()))
            .describe(
              "The contract's fields as the skeleton templates use them: name, logicalType, physicalType, description, required, unique, primaryKey, pii, piiCategory, encrypted, constraints (in words)",
            ),
        inputPorts: z =>
          z
            .array(z.record(z.string(), z.string()))
            .describe("The entity's input ports, each with its name"),
      },
    },
    async handler(ctx) {
      const { targetPath = '.', ...form } = ctx.input;
      const { entity, contract, objectName } = draftDataProduct(form);
      const catalogInfoPath = path.posix.join(targetPath, 'catalog-info.yaml');
      const contractPath = path.posix.join(targetPath, DRAFT_CONTRACT_FILE);

      await writeInside(
        ctx.workspacePath,
        contractPath,
        'targetPath',
        serializeOdcs(contract),
      );
      await writeInside(
        ctx.workspacePath,
        catalogInfoPath,
        'targetPath',
        stringify(entity, { lineWidth: 0, aliasDuplicateObjects: false }),
      );
      const entityRef = productRef({
        kind: 'Component',
        name: entity.metadata.name,
      });
      ctx.logger.info(
        `Wrote ${contractPath} (contract ${contract.id} version ${
          contract.version
        }, ${
          contract.schema?.[0]?.properties?.length ?? 0
        } fields) and ${catalogInfoPath} (${entityRef})`,
      );

      ctx.output('entityRef', entityRef);
      ctx.output('contractId', contract.id);
      ctx.output('version', contract.version);
      ctx.output('objectName', objectName);
      ctx.output('catalogInfoPath', catalogInfoPath);
      ctx.output('contractPath', contractPath);
      ctx.output('fields', skeletonFields(contract));
      ctx.output('inputPorts', entity.spec.dataProduct.inputPorts);
    },
  });
}
