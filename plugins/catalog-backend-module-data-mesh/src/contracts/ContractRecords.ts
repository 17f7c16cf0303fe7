/**
 * The contracts the processor read, kept in the catalog's database (a table of this module,
 * with its own migrations) for the data-mesh backend: its replicas read contracts from here,
 * so a contract is read from its source once per change, by the processor.
 */
import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import { migrateLatest } from '@backstage-data-mesh/plugin-data-mesh-node';

const TABLE = 'data_mesh_contracts';

/** Where the processor records, and the backend reads, what was read of each product. */
export interface ContractRecords {
  save(record: RecordedProductContract): Promise<void>;
  load(entityRefs: readonly string[]): Promise<RecordedProductContract[]>;
}

function rowOf(record: RecordedProductContract) {
  return {
    entity_ref: record.entityRef.toLocaleLowerCase('en-US'),
    contract_hash: record.contractHash ?? null,
    format: record.format,
    location: record.location ?? null,
    contract: record.contract ? JSON.stringify(record.contract) : null,
    source: record.source ?? null,
    issues: JSON.stringify(record.issues),
    read_at: record.readAt,
  };
}

function recordOf(row: any): RecordedProductContract {
  const record: RecordedProductContract = {
    entityRef: row.entity_ref,
    format: row.format,
    issues: JSON.parse(row.issues),
    readAt: Number(row.read_at),
  };
  if (row.contract_hash) record.contractHash = row.contract_hash;
  if (row.location) record.location = row.location;
  if (row.contract) record.contract = JSON.parse(row.contract);
  if (row.source !== null && row.source !== undefined)
    record.source = row.source;
  return record;
}

/** {@link ContractRecords} in the catalog's database. */
export class DatabaseContractRecords implements ContractRecords {
  /** Migrates this module's table (with its own migration list) and returns the records. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseContractRecords> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await migrateLatest(db, {
        directory: resolvePackagePath(
          '@backstage-data-mesh/plugin-catalog-backend-module-data-mesh',
          'migrations',
        ),
        tableName: 'data_mesh_knex_migrations',
      });
    }
    return new DatabaseContractRecords(db);
  }

  constructor(private readonly db: Knex) {}

  async save(record: RecordedProductContract): Promise<void> {
    await this.db(TABLE).insert(rowOf(record)).onConflict('entity_ref').merge();
  }

  async load(
    entityRefs: readonly string[],
  ): Promise<RecordedProductContract[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.db(TABLE)
      .whereIn(
        'entity_ref',
        entityRefs.map(r => r.toLocaleLowerCase('en-US')),
      )
      .select();
    return rows.map(recordOf);
  }
}
