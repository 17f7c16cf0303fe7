/**
 * The versions of each product's contract, and the consumers' answers to breaking ones, in
 * the plugin's database. A version is written once, by whichever replica sees it first (the
 * insert ignores a version that exists), and the notifications it raises go into the alert
 * outbox with it, so consumers are told once.
 */
import type { Knex } from 'knex';
import type {
  ConsumerAcknowledgement,
  OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { type OutboxAlert, enqueueAlerts } from './AlertOutbox';

/** A stored version. */
export interface StoredVersion {
  entityRef: string;
  id: string;
  version?: string;
  contract: OdcsContract;
  firstSeenAt: number;
  announcedAt?: number;
  announcedBy?: string;
  publishedAt?: number;
}

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

function versionOf(row: any): StoredVersion {
  return {
    entityRef: row.entity_ref,
    id: row.id,
    version: row.version ?? undefined,
    contract: JSON.parse(row.contract),
    firstSeenAt: Number(row.first_seen_at),
    announcedAt: num(row.announced_at),
    announcedBy: row.announced_by ?? undefined,
    publishedAt: num(row.published_at),
  };
}

const CHUNK = 400;

export class VersionStore {
  constructor(private readonly db: Knex) {}

  /** The ids each product has stored, and whether each was published. */
  async known(
    entityRefs: readonly string[],
  ): Promise<Map<string, Map<string, { published: boolean }>>> {
    const known = new Map<string, Map<string, { published: boolean }>>();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const rows = await this.db('dm_contract_versions')
        .whereIn('entity_ref', entityRefs.slice(i, i + CHUNK))
        .select('entity_ref', 'id', 'published_at');
      for (const row of rows) {
        const ids = known.get(row.entity_ref) ?? new Map();
        ids.set(row.id, { published: row.published_at !== null });
        known.set(row.entity_ref, ids);
      }
    }
    return known;
  }

  /**
   * Records that the catalog serves this version: a new row, or the publication of an
   * announced one. Answers whether this call wrote it first (then its alerts were queued).
   */
  async published(
    version: Omit<StoredVersion, 'firstSeenAt' | 'publishedAt'>,
    options: { now: number; alerts: () => OutboxAlert[] },
  ): Promise<'new' | 'published' | 'known'> {
    return this.db.transaction(async tx => {
      const inserted = await tx('dm_contract_versions')
        .insert({
          entity_ref: version.entityRef,
          id: version.id,
          version: version.version?.slice(0, 100) ?? null,
          contract: JSON.stringify(version.contract),
          first_seen_at: options.now,
          published_at: options.now,
        })
        .onConflict(['entity_ref', 'id'])
        .ignore()
        .returning('id');
      if (inserted.length > 0) {
        await enqueueAlerts(tx, options.alerts(), options.now);
        return 'new';
      }
      const updated = await tx('dm_contract_versions')
        .where({ entity_ref: version.entityRef, id: version.id })
        .whereNull('published_at')
        .update({ published_at: options.now });
      return updated > 0 ? 'published' : 'known';
    });
  }

  /**
   * Records many versions the catalog serves at once, without notifications (the versions
   * a backend finds when it starts): one statement per chunk, existing versions left alone.
   */
  async publishedMany(
    versions: ReadonlyArray<Omit<StoredVersion, 'firstSeenAt' | 'publishedAt'>>,
    now: number,
  ): Promise<void> {
    for (let i = 0; i < versions.length; i += 100) {
      const chunk = versions.slice(i, i + 100);
      await this.db('dm_contract_versions')
        .insert(
          chunk.map(v => ({
            entity_ref: v.entityRef,
            id: v.id,
            version: v.version?.slice(0, 100) ?? null,
            contract: JSON.stringify(v.contract),
            first_seen_at: now,
            published_at: now,
          })),
        )
        .onConflict(['entity_ref', 'id'])
        .ignore();
    }
  }

  /**
   * Records an announced version (not published yet, unless `publishedAt` says when it was).
   * Answers whether it was new; an existing version keeps its first announcement.
   */
  async announced(
    version: Omit<StoredVersion, 'firstSeenAt'>,
    options: { now: number; alerts: () => OutboxAlert[] },
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const inserted = await tx('dm_contract_versions')
        .insert({
          entity_ref: version.entityRef,
          id: version.id,
          version: version.version?.slice(0, 100) ?? null,
          contract: JSON.stringify(version.contract),
          first_seen_at: options.now,
          announced_at: version.announcedAt ?? options.now,
          announced_by: version.announcedBy ?? null,
          published_at: version.publishedAt ?? null,
        })
        .onConflict(['entity_ref', 'id'])
        .ignore()
        .returning('id');
      if (inserted.length === 0) {
        await tx('dm_contract_versions')
          .where({ entity_ref: version.entityRef, id: version.id })
          .whereNull('announced_at')
          .update({
            announced_at: version.announcedAt ?? options.now,
            announced_by: version.announcedBy ?? null,
          });
        return false;
      }
      await enqueueAlerts(tx, options.alerts(), options.now);
      return true;
    });
  }

  async versions(entityRef: string): Promise<StoredVersion[]> {
    return (
      await this.db('dm_contract_versions').where({ entity_ref: entityRef })
    ).map(versionOf);
  }

  async version(
    entityRef: string,
    id: string,
  ): Promise<StoredVersion | undefined> {
    const row = await this.db('dm_contract_versions')
      .where({ entity_ref: entityRef, id })
      .first();
    return row ? versionOf(row) : undefined;
  }

  /** Keeps a consumer's answer (the newest one counts), with the producer's notification. */
  async acknowledge(
    entityRef: string,
    versionId: string,
    ack: ConsumerAcknowledgement,
    options: { alerts: OutboxAlert[] },
  ): Promise<void> {
    const at = Date.parse(ack.at);
    await this.db.transaction(async tx => {
      await tx('dm_version_acknowledgements').insert({
        entity_ref: entityRef,
        version_id: versionId,
        consumer: ack.consumer,
        decision: ack.decision,
        by: ack.by,
        at,
        note: ack.note ?? null,
        until: ack.until ? Date.parse(ack.until) : null,
      });
      await enqueueAlerts(tx, options.alerts, at);
    });
  }

  async acknowledgements(
    entityRef: string,
  ): Promise<Map<string, ConsumerAcknowledgement[]>> {
    const rows = await this.db('dm_version_acknowledgements')
      .where({ entity_ref: entityRef })
      .orderBy('id');
    const byVersion = new Map<string, ConsumerAcknowledgement[]>();
    for (const row of rows) {
      const ack: ConsumerAcknowledgement = {
        consumer: row.consumer,
        decision: row.decision,
        by: row.by,
        at: new Date(Number(row.at)).toISOString(),
      };
      if (row.note) ack.note = row.note;
      if (row.until !== null && row.until !== undefined)
        ack.until = new Date(Number(row.until)).toISOString();
      byVersion.set(row.version_id, [
        ...(byVersion.get(row.version_id) ?? []),
        ack,
      ]);
    }
    return byVersion;
  }
}
