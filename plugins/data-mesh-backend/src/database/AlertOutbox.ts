/**
 * Alerts waiting to reach a product's owners. An alert is written in the transaction that
 * changed the SLO's state, and stays until the notifications service took it, so an outage
 * or a crash delays it instead of losing it. Several backend replicas may deliver at once:
 * each alert is claimed by one of them for a while (on PostgreSQL with `FOR UPDATE SKIP
 * LOCKED`), and an SLO's alerts go out in the order they were raised.
 */
import type { Knex } from 'knex';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';

/** An alert to deliver: why, about which SLO, and the notification to send. */
export interface OutboxAlert {
  entityRef: string;
  /** The SLO; for other notifications a key that orders them (`access:<request id>`). */
  sloId: string;
  /**
   * `breach`: the SLO started failing; `recovery`: it passes again; `access`: an access
   * request, its decision or a grant's end; `breaking`: a breaking contract version or its
   * acknowledgement.
   */
  kind: 'breach' | 'recovery' | 'access' | 'breaking';
  notification: NotificationSendOptions;
}

/** A stored alert. */
export interface StoredAlert extends OutboxAlert {
  id: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Deliveries begun so far. */
  attempts: number;
  /** Not tried before this (ms); while a delivery runs, when its claim ends. */
  nextAttemptAt: number;
  deliveredAt?: number;
  lastError?: string;
}

/** How delivery retries. */
export const ALERT_DELIVERY = {
  /** Deliveries tried before an alert is given up (about a day of retries). */
  maxAttempts: 20,
  /** How long a claimed alert is left to the replica that claimed it. */
  claimMs: 5 * 60_000,
  /** The wait after the first failure; it doubles with each failure, up to `maxRetryMs`. */
  firstRetryMs: 30_000,
  maxRetryMs: 2 * 3_600_000,
} as const;

/** The wait before the next delivery of an alert that failed `attempts` times. */
export function retryDelay(attempts: number): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(
    ALERT_DELIVERY.firstRetryMs * 2 ** doublings,
    ALERT_DELIVERY.maxRetryMs,
  );
}

const MAX_ERROR = 2000;

/** True on PostgreSQL, where rows are locked; SQLite runs one writer at a time. */
export function locksRows(db: Knex): boolean {
  return db.client.dialect === 'postgresql';
}

/** Stores alerts with the transaction that raised them. */
export async function enqueueAlerts(
  tx: Knex | Knex.Transaction,
  alerts: OutboxAlert[],
  now: number,
): Promise<void> {
  if (alerts.length === 0) return;
  await tx('dm_alert_outbox').insert(
    alerts.map(a => ({
      entity_ref: a.entityRef,
      slo_id: a.sloId,
      kind: a.kind,
      payload: JSON.stringify(a.notification),
      created_at: now,
      attempts: 0,
      next_attempt_at: now,
    })),
  );
}

function rowToAlert(row: any): StoredAlert {
  const alert: StoredAlert = {
    id: Number(row.id),
    entityRef: row.entity_ref,
    sloId: row.slo_id,
    kind: row.kind,
    notification: JSON.parse(row.payload),
    createdAt: Number(row.created_at),
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
  };
  if (row.delivered_at !== null && row.delivered_at !== undefined)
    alert.deliveredAt = Number(row.delivered_at);
  if (row.last_error) alert.lastError = row.last_error;
  return alert;
}

/** The alert outbox in the plugin's database. */
export class AlertOutbox {
  constructor(private readonly db: Knex) {}

  /**
   * Claims up to `limit` alerts that are due (of one product when `entityRef` is given), for
   * `claimMs`: undelivered, not given up, not claimed by another delivery, and the oldest
   * undelivered alert of their SLO.
   */
  async claim(options: {
    now: number;
    limit?: number;
    entityRef?: string;
  }): Promise<StoredAlert[]> {
    const { now } = options;
    const limit = options.limit ?? 50;
    return this.db.transaction(async tx => {
      const due = tx('dm_alert_outbox as a')
        .whereNull('a.delivered_at')
        .andWhere('a.attempts', '<', ALERT_DELIVERY.maxAttempts)
        .andWhere('a.next_attempt_at', '<=', now)
        .whereNotExists(
          tx('dm_alert_outbox as b')
            .select(tx.raw('1'))
            .whereRaw('b.entity_ref = a.entity_ref')
            .andWhereRaw('b.slo_id = a.slo_id')
            .andWhereRaw('b.id < a.id')
            .whereNull('b.delivered_at')
            .andWhere('b.attempts', '<', ALERT_DELIVERY.maxAttempts),
        )
        .orderBy('a.id')
        .limit(limit)
        .select('a.*');
      if (options.entityRef) due.andWhere('a.entity_ref', options.entityRef);
      if (locksRows(this.db)) due.forUpdate().skipLocked();
      const claimed: StoredAlert[] = [];
      for (const row of await due) {
        // Counting the attempt is the claim: a delivery that read the same row loses.
        const updated = await tx('dm_alert_outbox')
          .where({ id: row.id, attempts: row.attempts })
          .update({
            attempts: Number(row.attempts) + 1,
            next_attempt_at: now + ALERT_DELIVERY.claimMs,
          });
        if (updated === 1) {
          claimed.push(
            rowToAlert({
              ...row,
              attempts: Number(row.attempts) + 1,
              next_attempt_at: now + ALERT_DELIVERY.claimMs,
            }),
          );
        }
      }
      return claimed;
    });
  }

  /** Records that the notifications service took the alert. */
  async delivered(alert: StoredAlert, now: number): Promise<void> {
    await this.db('dm_alert_outbox')
      .where({ id: alert.id })
      .whereNull('delivered_at')
      .update({ delivered_at: now, last_error: null });
  }

  /**
   * Records a failed delivery; the alert is tried again after {@link retryDelay}, or given up
   * after {@link ALERT_DELIVERY}.maxAttempts.
   */
  async failed(
    alert: StoredAlert,
    error: string,
    now: number,
  ): Promise<{ gaveUp: boolean; nextAttemptAt: number }> {
    const gaveUp = alert.attempts >= ALERT_DELIVERY.maxAttempts;
    const nextAttemptAt = gaveUp ? now : now + retryDelay(alert.attempts);
    await this.db('dm_alert_outbox')
      .where({ id: alert.id, attempts: alert.attempts })
      .whereNull('delivered_at')
      .update({
        next_attempt_at: nextAttemptAt,
        last_error: error.slice(0, MAX_ERROR),
      });
    return { gaveUp, nextAttemptAt };
  }

  /** The stored alerts, oldest first (of one product when a ref is given). */
  async alerts(entityRef?: string): Promise<StoredAlert[]> {
    const query = this.db('dm_alert_outbox').select().orderBy('id');
    if (entityRef) query.where({ entity_ref: entityRef });
    return (await query).map(rowToAlert);
  }
}
