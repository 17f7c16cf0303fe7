import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_PRODUCT_TYPE,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DatabaseContractRecords } from './ContractRecords';

/** How long a record is kept before the catalog must hold its product: one hour. */
export const RECORD_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes the contract records of data products the catalog no longer holds (deleted, or
 * renamed), read over an hour ago: one listing of the catalog's data products (their refs
 * alone), then one statement per 500 records removed.
 */
export async function removeAbsentRecords(options: {
  catalog: CatalogService;
  auth: AuthService;
  records: DatabaseContractRecords;
  logger?: LoggerService;
  now?: number;
}): Promise<number> {
  const { items } = await options.catalog.getEntities(
    {
      filter: { kind: 'component', 'spec.type': DATA_PRODUCT_TYPE },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  const removed = await options.records.removeAbsent(
    items.map(item => productRef(item)),
    (options.now ?? Date.now()) - RECORD_GRACE_MS,
  );
  if (removed > 0) {
    options.logger?.info(
      `Removed the contract records of ${removed} data product(s) no longer in the catalog`,
    );
  }
  return removed;
}
