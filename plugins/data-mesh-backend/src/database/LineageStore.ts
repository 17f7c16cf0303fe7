/**
 * Where OpenLineage events and the dataset edges they reported are kept.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  ColumnEdge,
  DatasetEdge,
  DatasetId,
  OpenLineageSummary,
} from '@backstage-data-mesh/plugin-data-mesh-common';

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/** A stored dataset edge. */
export interface StoredDatasetEdge extends DatasetEdge {
  /** Identifies the edge (its two datasets). */
  key: string;
  lastSeen: number;
}

/** A dataset some event named, with its key. */
export interface StoredDataset extends DatasetId {
  key: string;
  lastSeen: number;
}

/** OpenLineage events and dataset edges in the plugin's database. */
export class LineageStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores an event and merges its edges into the known ones. The same event sent twice
   * (same content) is stored once. Returns the event id and whether it was new.
   */
  async recordEvent(
    payload: unknown,
    event: OpenLineageSummary,
  ): Promise<{ eventId: string; duplicate: boolean }> {
    const text = JSON.stringify(payload);
    const eventId = sha256(text);
    const now = Date.now();
    return this.db.transaction(async tx => {
      if (await tx('dm_lineage_events').where({ id: eventId }).first('id')) {
        return { eventId, duplicate: true };
      }
      await tx('dm_lineage_events').insert({
        id: eventId,
        kind: event.kind,
        event_type: event.eventType ?? null,
        event_time: event.eventTime,
        run_id: event.runId ?? null,
        job_namespace: event.job?.namespace ?? null,
        job_name: event.job?.name ?? null,
        payload: text,
        received_at: now,
      });
      for (const dataset of event.datasets) {
        const datasetKey = sha256(
          JSON.stringify([dataset.namespace, dataset.name]),
        );
        const updated = await tx('dm_lineage_datasets')
          .where({ dataset_key: datasetKey })
          .update({ last_seen: now });
        if (!updated) {
          await tx('dm_lineage_datasets').insert({
            dataset_key: datasetKey,
            namespace: dataset.namespace,
            name: dataset.name,
            last_seen: now,
          });
        }
      }
      for (const edge of event.edges) {
        const key = sha256(
          JSON.stringify([
            edge.from.namespace,
            edge.from.name,
            edge.to.namespace,
            edge.to.name,
          ]),
        );
        const existing = await tx('dm_lineage_edges')
          .where({ edge_key: key })
          .first('columns');
        if (existing) {
          const columns = mergeColumns(
            parseColumns(existing.columns),
            edge.columns,
          );
          await tx('dm_lineage_edges')
            .where({ edge_key: key })
            .update({
              columns: JSON.stringify(columns),
              last_seen: Math.max(now, event.eventTime),
            });
        } else {
          await tx('dm_lineage_edges').insert({
            edge_key: key,
            from_namespace: edge.from.namespace,
            from_name: edge.from.name,
            to_namespace: edge.to.namespace,
            to_name: edge.to.name,
            columns: JSON.stringify(edge.columns),
            first_seen: now,
            last_seen: now,
          });
        }
      }
      return { eventId, duplicate: false };
    });
  }

  /** The datasets events named, every one or those seen since `since` (ms). */
  async datasets(since?: number): Promise<StoredDataset[]> {
    const query = this.db('dm_lineage_datasets').select(
      'dataset_key',
      'namespace',
      'name',
      'last_seen',
    );
    if (since !== undefined) query.where('last_seen', '>=', since);
    return (await query).map((row: any) => ({
      key: row.dataset_key,
      namespace: row.namespace,
      name: row.name,
      lastSeen: Number(row.last_seen),
    }));
  }

  /** The dataset edges known, every one or those seen since `since` (ms). */
  async edges(since?: number): Promise<StoredDatasetEdge[]> {
    const query = this.db('dm_lineage_edges').select();
    if (since !== undefined) query.where('last_seen', '>=', since);
    return (await query).map((row: any) => ({
      key: row.edge_key,
      from: { namespace: row.from_namespace, name: row.from_name },
      to: { namespace: row.to_namespace, name: row.to_name },
      columns: parseColumns(row.columns),
      lastSeen: Number(row.last_seen),
    }));
  }
}

function parseColumns(text: unknown): ColumnEdge[] {
  if (typeof text !== 'string' || !text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function mergeColumns(a: ColumnEdge[], b: ColumnEdge[]): ColumnEdge[] {
  const seen = new Map(a.map(c => [`${c.from}\u0000${c.to}`, c]));
  for (const c of b) seen.set(`${c.from}\u0000${c.to}`, c);
  return [...seen.values()];
}
