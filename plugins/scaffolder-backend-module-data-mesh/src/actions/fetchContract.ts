import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DATA_PRODUCT_ANNOTATIONS,
  DRAFT_CONTRACT_FILE,
  isDataProductEntity,
  PROCESSED_ANNOTATIONS,
  serializeOdcs,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ProductContracts } from '../governance/DataMeshApiClient';
import { writeInside } from '../workspacePaths';
import { inputProductRef } from '../inputProductRef';
import { examples } from './fetchContract.examples';
import { skeletonProduct } from './skeletonValues';

/** Annotations the catalog writes, which do not belong in a descriptor. */
const CATALOG_ANNOTATIONS = [
  'backstage.io/managed-by-location',
  'backstage.io/managed-by-origin-location',
  'backstage.io/view-url',
  'backstage.io/edit-url',
  'backstage.io/source-location',
  ...Object.values(PROCESSED_ANNOTATIONS),
];

/** The entity as its author would write it again: without what the catalog added. */
function descriptorOf(entity: Entity): Entity {
  const { uid, etag, generation, ...metadata } =
    entity.metadata as Entity['metadata'] & {
      uid?: string;
      etag?: string;
      generation?: number;
    };
  const annotations = { ...metadata.annotations };
  for (const name of CATALOG_ANNOTATIONS) delete annotations[name];
  annotations[DATA_PRODUCT_ANNOTATIONS.contract] = `./${DRAFT_CONTRACT_FILE}`;
  const spec = { ...entity.spec } as Record<string, any>;
  if (spec.dataProduct && typeof spec.dataProduct === 'object') {
    const { contractSummary, outputPorts, contract, ...dataProduct } =
      spec.dataProduct;
    spec.dataProduct = dataProduct;
  }
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: { ...metadata, annotations },
    spec,
  };
}

/**
 * Creates the `data-mesh:contract:fetch` action: writes an existing data product's
 * `catalog-info.yaml` and its current contract (normalised to ODCS) into the workspace, as
 * the starting point of a new contract version.
 *
 * @public
 */
export function createFetchContractAction(options: {
  contracts: ProductContracts;
  catalog: CatalogService;
}) {
  const { contracts, catalog } = options;
  return createTemplateAction({
    id: 'data-mesh:contract:fetch',
    description:
      "Writes an existing data product's catalog-info.yaml and current contract (as ODCS) into the workspace",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description: 'The data product, e.g. component:default/orders',
          }),
        targetPath: z =>
          z
            .string({
              description:
                'Folder of the workspace to write to, relative to it; "." by default',
            })
            .optional(),
      },
      output: {
        name: z => z.string(),
        title: z => z.string(),
        owner: z => z.string(),
        product: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              'What the skeleton templates say about the product: title, purpose, domain, owner, kind, classification, ports, SLA properties',
            ),
        version: z => z.string({ description: 'The current contract version' }),
        objectName: z =>
          z.string({ description: "The contract's first schema object" }),
        fieldNames: z =>
          z.array(z.string()).describe("The first object's fields"),
        format: z =>
          z.string({ description: 'The format the contract is written in' }),
        catalogInfoPath: z => z.string(),
        contractPath: z => z.string(),
      },
    },
    async handler(ctx) {
      const { targetPath = '.' } = ctx.input;
      const entityRef = inputProductRef(ctx.input.entityRef);
      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity || !isDataProductEntity(entity)) {
        throw new InputError(
          `${entityRef} is ${
            entity
              ? 'not a data product (a Component of type data-product)'
              : 'not in the catalog'
          }: pick an existing data product`,
        );
      }
      const current = await contracts.currentContract(entityRef, {
        credentials,
      });
      if (!current.contract) {
        throw new InputError(
          `The contract of ${entityRef} cannot be read (${current.issues
            .map(i => i.message)
            .join(
              '; ',
            )}): fix it in its repository before proposing a new version`,
        );
      }
      const catalogInfoPath = path.posix.join(targetPath, 'catalog-info.yaml');
      const contractPath = path.posix.join(targetPath, DRAFT_CONTRACT_FILE);
      await writeInside(
        ctx.workspacePath,
        catalogInfoPath,
        'targetPath',
        stringify(descriptorOf(entity), { lineWidth: 0 }),
      );
      await writeInside(
        ctx.workspacePath,
        contractPath,
        'targetPath',
        serializeOdcs(current.contract),
      );
      if (current.format !== 'odcs') {
        ctx.logger.warn(
          `The contract of ${entityRef} is written in ${current.format}; the new version is written in ODCS v3.1 (${contractPath})`,
        );
      }
      const object = current.contract.schema?.[0];
      ctx.logger.info(
        `Wrote ${catalogInfoPath} and ${contractPath}: ${entityRef}, contract version ${current.contract.version}`,
      );
      ctx.output('product', skeletonProduct(entity, current.contract));
      ctx.output('name', entity.metadata.name);
      ctx.output('title', entity.metadata.title ?? entity.metadata.name);
      ctx.output('owner', String(entity.spec?.owner ?? ''));
      ctx.output('version', current.contract.version);
      ctx.output('objectName', object?.name ?? '');
      ctx.output(
        'fieldNames',
        (object?.properties ?? []).map(p => p.name),
      );
      ctx.output('format', current.format);
      ctx.output('catalogInfoPath', catalogInfoPath);
      ctx.output('contractPath', contractPath);
    },
  });
}
