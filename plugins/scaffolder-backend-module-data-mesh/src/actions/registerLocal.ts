import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, type ResponseError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  ensurePublishedLocation,
  PUBLISHED_LOCATION_FILE,
  PUBLISHED_LOCATION_NAME,
} from '../publish/publishLocation';
import type { ProductContracts } from '../governance/DataMeshApiClient';
import { resolveInside } from '../workspacePaths';
import { inputProductRef } from '../inputProductRef';
import { examples } from './registerLocal.examples';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const isNotFound = (error: unknown) =>
  (error as ResponseError)?.name === 'ResponseError' &&
  (error as ResponseError).response?.status === 404;

/**
 * Waits until the data-mesh backend lists the product (it reads the catalog every few
 * seconds). Not finding it in time only warns: the product is in the catalog, and its tabs
 * show it once the backend reads the catalog again.
 */
async function waitForProduct(
  contracts: ProductContracts,
  entityRef: string,
  options: {
    credentials: BackstageCredentials;
    deadline: number;
    pollInterval: number;
    logger: LoggerService;
  },
) {
  for (;;) {
    try {
      await contracts.currentContract(entityRef, {
        credentials: options.credentials,
      });
      options.logger.info(`The data-mesh backend lists ${entityRef}`);
      return;
    } catch (error) {
      if (!isNotFound(error) || Date.now() >= options.deadline) {
        options.logger.warn(
          `The data-mesh backend does not list ${entityRef} yet (${
            (error as Error).message
          }); its Contract, SLOs and Governance tabs show it once the backend reads the catalog again`,
        );
        return;
      }
    }
    await sleep(options.pollInterval);
  }
}

/**
 * Creates the `data-mesh:catalog:register` action: makes the catalog read a product
 * published with `data-mesh:publish:local` now (it refreshes the publish folder's Location)
 * and waits until the product's entity is in the catalog.
 *
 * @public
 */
export function createRegisterLocalAction(options: {
  publishDir: string;
  catalog: CatalogService;
  /**
   * The data-mesh backend: when given, the action also waits until it lists the product,
   * so that the product's tabs work as soon as the run ends.
   */
  contracts?: ProductContracts;
  /** How often to look for the entity while waiting (ms); 1000 by default. */
  pollInterval?: number;
}) {
  const { publishDir, catalog, contracts, pollInterval = 1000 } = options;
  return createTemplateAction({
    id: 'data-mesh:catalog:register',
    description:
      'Registers a product published with data-mesh:publish:local in the catalog and waits until its entity is there',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description:
              'The repository folder data-mesh:publish:local created',
          }),
        entityRef: z =>
          z.string({
            description:
              'The entity to wait for, e.g. component:default/orders',
          }),
        catalogInfoPath: z =>
          z
            .string({
              description:
                'catalog-info.yaml, relative to the repository; "catalog-info.yaml" by default',
            })
            .optional(),
        timeoutSeconds: z =>
          z
            .number({
              description: 'How long to wait for the entity; 60 by default',
            })
            .min(0)
            .max(600)
            .optional(),
      },
      output: {
        entityRef: z => z.string({ description: 'The registered entity' }),
        catalogInfoUrl: z =>
          z.string({ description: 'Where the catalog reads it from' }),
      },
    },
    async handler(ctx) {
      const {
        repoName,
        catalogInfoPath = 'catalog-info.yaml',
        timeoutSeconds = 60,
      } = ctx.input;
      const entityRef = inputProductRef(ctx.input.entityRef);
      const repoPath = resolveInside(publishDir, repoName, 'repoName');
      const file = resolveInside(repoPath, catalogInfoPath, 'catalogInfoPath');
      const catalogInfoUrl = `file:${file}`;
      if (path.relative(publishDir, file).split(path.sep).length !== 2) {
        throw new InputError(
          `catalogInfoPath "${catalogInfoPath}" is not at the top of the repository; the catalog reads <repository>/catalog-info.yaml of the publish folder only`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would register ${catalogInfoUrl} and wait for ${entityRef}`,
        );
        ctx.output('entityRef', entityRef);
        ctx.output('catalogInfoUrl', catalogInfoUrl);
        return;
      }
      await fs.access(file).catch(() => {
        throw new InputError(
          `${file} does not exist: publish the product with data-mesh:publish:local (repoName "${repoName}") first`,
        );
      });

      const credentials = await ctx.getInitiatorCredentials();
      await ensurePublishedLocation(publishDir);
      const locationRef = `location:default/${PUBLISHED_LOCATION_NAME}`;
      const location = await catalog.getEntityByRef(locationRef, {
        credentials,
      });
      if (!location) {
        throw new InputError(
          `The catalog does not read the publish folder ${publishDir}: add it to catalog.locations in app-config.yaml (- type: file, target: ${path.join(
            publishDir,
            PUBLISHED_LOCATION_FILE,
          )}) and restart the backend`,
        );
      }
      await catalog.refreshEntity(locationRef, { credentials });
      ctx.logger.info(
        `Asked the catalog to read ${catalogInfoUrl}; waiting for ${entityRef}`,
      );

      const deadline = Date.now() + timeoutSeconds * 1000;
      for (;;) {
        const entity = await catalog.getEntityByRef(entityRef, { credentials });
        if (entity) break;
        if (Date.now() >= deadline) {
          throw new InputError(
            `${entityRef} did not appear in the catalog within ${timeoutSeconds} s. It is published at ${file}; check that file's entity name, and the catalog's processing errors for it (catalog logs)`,
          );
        }
        await sleep(pollInterval);
      }
      ctx.logger.info(`${entityRef} is in the catalog`);
      if (contracts) {
        await waitForProduct(contracts, entityRef, {
          credentials,
          deadline,
          pollInterval,
          logger: ctx.logger,
        });
      }
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', catalogInfoUrl);
    },
  });
}
