/**
 * When each product is evaluated next, shared by every backend replica through the plugin's
 * database. A replica claims due products for a while; the claim ends when it records the
 * evaluation (and the product is due again a cadence later) or lapses when the replica stops,
 * so no product is lost or evaluated twice for one due time.
 */
import type { Knex } from 'knex';
import { locksRows } from './AlertOutbox';

/** A product the scheduler knows, with how often it is evaluated. */
export interface ScheduledProduct {
  entityRef: string;
  cadenceMs: number;
}

/** A claimed evaluation: the product and the due time it is for. */
export interface ClaimedEvaluation {
  entityRef: string;
  /** The due time claimed (ms): the evaluation's identity, so it is recorded once. */
  dueAt: number;
}

const CHUNK = 500;

export class EvaluationSchedule {
  constructor(private readonly db: Knex) {}

  /**
   * Makes the schedule hold exactly these products: new ones are due now, a changed cadence
   * applies from the last evaluation, and products that left the mesh are forgotten. Safe to
   * run on several replicas at once.
   */
  async sync(
    products: readonly ScheduledProduct[],
    now: number,
  ): Promise<void> {
    const wanted = new Map(products.map(p => [p.entityRef, p.cadenceMs]));
    const known = new Map<string, { cadence: number; last?: number }>();
    for (const row of await this.db('dm_evaluation_schedule').select(
      'entity_ref',
      'cadence_ms',
      'last_finished_at',
    )) {
      known.set(row.entity_ref, {
        cadence: Number(row.cadence_ms),
        last:
          row.last_finished_at === null
            ? undefined
            : Number(row.last_finished_at),
      });
    }
    const added = products.filter(p => !known.has(p.entityRef));
    for (let i = 0; i < added.length; i += CHUNK) {
      await this.db('dm_evaluation_schedule')
        .insert(
          added.slice(i, i + CHUNK).map(p => ({
            entity_ref: p.entityRef,
            cadence_ms: p.cadenceMs,
            due_at: now,
          })),
        )
        .onConflict('entity_ref')
        .ignore();
    }
    for (const [ref, { cadence, last }] of known) {
      const next = wanted.get(ref);
      if (next === undefined) continue;
      if (next !== cadence) {
        await this.db('dm_evaluation_schedule')
          .where({ entity_ref: ref })
          .update({
            cadence_ms: next,
            due_at: last === undefined ? now : last + next,
          });
      }
    }
    const gone = [...known.keys()].filter(ref => !wanted.has(ref));
    for (let i = 0; i < gone.length; i += CHUNK) {
      await this.db('dm_evaluation_schedule')
        .whereIn('entity_ref', gone.slice(i, i + CHUNK))
        .delete();
    }
  }

  /**
   * Claims up to `limit` due products for `claimMs`, the most overdue first: products whose
   * due time has come and that no replica holds (or whose claim lapsed).
   */
  async claim(options: {
    replica: string;
    limit: number;
    claimMs: number;
    now: number;
  }): Promise<ClaimedEvaluation[]> {
    const { replica, limit, claimMs, now } = options;
    if (limit <= 0) return [];
    if (locksRows(this.db)) {
      // One statement: the due rows no one holds, locked, skipped by the others, claimed.
      const rows = await this.db('dm_evaluation_schedule')
        .whereIn(
          'entity_ref',
          this.db('dm_evaluation_schedule')
            .select('entity_ref')
            .where('due_at', '<=', now)
            .andWhere(q =>
              q.whereNull('claimed_until').orWhere('claimed_until', '<', now),
            )
            .orderBy('due_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .update({ claimed_by: replica, claimed_until: now + claimMs })
        .returning(['entity_ref', 'due_at']);
      return rows.map((row: any) => ({
        entityRef: row.entity_ref,
        dueAt: Number(row.due_at),
      }));
    }
    return this.db.transaction(async tx => {
      const due = tx('dm_evaluation_schedule')
        .where('due_at', '<=', now)
        .andWhere(q =>
          q.whereNull('claimed_until').orWhere('claimed_until', '<', now),
        )
        .orderBy('due_at')
        .limit(limit)
        .select('entity_ref', 'due_at', 'claimed_until');
      if (locksRows(this.db)) due.forUpdate().skipLocked();
      const claimed: ClaimedEvaluation[] = [];
      for (const row of await due) {
        // Writing the claim is the claim: another replica that read the same row loses.
        const updated = await tx('dm_evaluation_schedule')
          .where({ entity_ref: row.entity_ref, due_at: row.due_at })
          .andWhere(q =>
            row.claimed_until === null
              ? q.whereNull('claimed_until')
              : q.where('claimed_until', row.claimed_until),
          )
          .update({ claimed_by: replica, claimed_until: now + claimMs });
        if (updated === 1)
          claimed.push({
            entityRef: row.entity_ref,
            dueAt: Number(row.due_at),
          });
      }
      return claimed;
    });
  }

  /**
   * Records that the replica finished the claimed evaluation: the product is due again a
   * cadence after now. A replica whose claim was taken over changes nothing.
   */
  async finished(
    claim: ClaimedEvaluation,
    replica: string,
    now: number,
  ): Promise<boolean> {
    const updated = await this.db('dm_evaluation_schedule')
      .where({
        entity_ref: claim.entityRef,
        due_at: claim.dueAt,
        claimed_by: replica,
      })
      .update({
        due_at: this.db.raw('? + cadence_ms', [now]),
        claimed_by: null,
        claimed_until: null,
        last_finished_at: now,
      });
    return updated === 1;
  }

  /** Gives back one claim unfinished (its evaluation was aborted): due again at once. */
  async unclaim(claim: ClaimedEvaluation, replica: string): Promise<void> {
    await this.db('dm_evaluation_schedule')
      .where({
        entity_ref: claim.entityRef,
        due_at: claim.dueAt,
        claimed_by: replica,
      })
      .update({ claimed_by: null, claimed_until: null });
  }

  /** Gives back every claim of a replica that stops, so others take the products at once. */
  async release(replica: string): Promise<void> {
    await this.db('dm_evaluation_schedule')
      .where({ claimed_by: replica })
      .update({ claimed_by: null, claimed_until: null });
  }

  /**
   * Makes every product (or the given ones) due now: "evaluate the mesh now". Products
   * already due keep their due time, and with it any claim on them; products evaluated since
   * `unlessFinishedSince` (ms) are left alone, so that replicas asked at about the same time
   * evaluate the mesh once, not once each.
   */
  async dueNow(
    now: number,
    options: {
      entityRefs?: readonly string[];
      unlessFinishedSince?: number;
    } = {},
  ): Promise<void> {
    const query = this.db('dm_evaluation_schedule').where('due_at', '>', now);
    if (options.unlessFinishedSince !== undefined) {
      const since = options.unlessFinishedSince;
      query.andWhere(q =>
        q.whereNull('last_finished_at').orWhere('last_finished_at', '<', since),
      );
    }
    if (options.entityRefs)
      query.whereIn('entity_ref', [...options.entityRefs]);
    await query.update({ due_at: now });
  }

  /** How many products are due (claimed or not) at `now`. */
  async dueCount(now: number): Promise<number> {
    const [row] = await this.db('dm_evaluation_schedule')
      .where('due_at', '<=', now)
      .count({ n: '*' });
    return Number(row.n);
  }
}
