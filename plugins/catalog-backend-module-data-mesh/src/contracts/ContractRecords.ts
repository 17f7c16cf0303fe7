/**
 * The contracts the processor read, kept in the catalog's database (a table of this module,
 * with its own migrations) for the data-mesh backend: its replicas read contracts from here,
 * so a contract is read from its source once per change, by the processor.
 */
import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { RecordedProductContract } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { Knex } from 'knex';
import { migrateLatest } from '@backstage-data-mesh/plugin-data-mesh-node';

const TABLE = 'data_mesh_contracts';
/** Records written in one statement at most (8 columns each, well under SQLite's 999 variables). */
const BATCH_SIZE = 100;
/** Records removed in one statement at most. */
const REMOVE_BATCH_SIZE = 500;

/**
 * Where the processor records, and the backend reads, what was read of each product.
 *
 * @public
 */
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

  private pending: Array<{
    row: ReturnType<typeof rowOf>;
    done: (error?: unknown) => void;
  }> = [];
  private writing = false;

  constructor(private readonly db: Knex) {}

  /**
   * Saves a record; resolves once it is written. Records saved while another batch is being
   * written are written together, in one statement per hundred, so processing many products
   * at once costs the database few writes.
   */
  save(record: RecordedProductContract): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        row: rowOf(record),
        done: error => (error ? reject(error) : resolve()),
      });
      if (!this.writing) {
        this.writing = true;
        // Saves made in the same turn of the event loop join the first batch.
        setImmediate(() => this.write());
      }
    });
  }

  private async write(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH_SIZE);
        // One statement may not upsert a row twice: the last save of a product wins.
        const rows = new Map(batch.map(({ row }) => [row.entity_ref, row]));
        try {
          await this.db(TABLE)
            .insert([...rows.values()])
            .onConflict('entity_ref')
            .merge();
          for (const { done } of batch) done();
        } catch (error) {
          for (const { done } of batch) done(error);
        }
      }
    } finally {
      this.writing = false;
    }
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

  /**
   * Removes the records of products the catalog no longer holds: those whose entity ref is
   * not in `present` and that were read before `readBefore` (ms since the epoch), so that a
   * product the processor has just read, and the catalog has not published yet, keeps its
   * record. Returns how many were removed.
   */
  async removeAbsent(
    present: Iterable<string>,
    readBefore: number,
  ): Promise<number> {
    const kept = new Set(
      [...present].map(ref => ref.toLocaleLowerCase('en-US')),
    );
    const rows: Array<{ entity_ref: string }> = await this.db(TABLE)
      .where('read_at', '<', readBefore)
      .select('entity_ref');
    const absent = rows
      .map(row => row.entity_ref)
      .filter(ref => !kept.has(ref));
    for (let i = 0; i < absent.length; i += REMOVE_BATCH_SIZE) {
      await this.db(TABLE)
        .whereIn('entity_ref', absent.slice(i, i + REMOVE_BATCH_SIZE))
        .delete();
    }
    return absent.length;
  }
}
