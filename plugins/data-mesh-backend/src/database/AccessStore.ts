/**
 * Access requests, grants and their audit trail in the plugin's database. Every change of a
 * request or grant is one transaction with its audit entries and the notifications it raises
 * (kept in the alert outbox), and is conditional on the state it changes from, so two
 * replicas (or two owners) deciding, revoking or expiring at once change it once. Their rows
 * and views are in `accessRows.ts`, the listing reads in `accessQueries.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AccessRequestState } from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  AccessAuditEntry,
  AccessGrantPlatformView,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { type OutboxAlert, enqueueAlerts } from './AlertOutbox';
import {
  type AccessFilter,
  type AuditInput,
  type StoredGrant,
  type StoredRequest,
  auditRows,
  describeRequest,
  grantOf,
  grantRow,
  iso,
  newGrant,
  requestOf,
  requestRow,
} from './accessRows';
import {
  activeGrants,
  auditTrail,
  dueGrants,
  grantsOfRequests,
  grantsToRetry,
  listGrants,
  listRequests,
  pendingRequest,
} from './accessQueries';

export { grantView, requestView } from './accessRows';
export type {
  AccessFilter,
  AuditInput,
  StoredGrant,
  StoredRequest,
} from './accessRows';

export class AccessStore {
  constructor(private readonly db: Knex) {}

  private async audit(
    tx: Knex | Knex.Transaction,
    entries: AuditInput[],
    now: number,
  ) {
    if (entries.length === 0) return;
    await tx('dm_access_audit').insert(auditRows(entries, now));
  }

  /** Writes audit entries outside a request's or grant's change (platform outcomes). */
  async record(entries: AuditInput[], now: number): Promise<void> {
    await this.audit(this.db, entries, now);
  }

  /**
   * Stores a new request, with the grant when the product approves it by itself, their
   * audit entries and the notifications they raise.
   */
  async createRequest(
    input: Omit<StoredRequest, 'id' | 'state' | 'createdAt'>,
    options: {
      now: number;
      auto?: { expiresAt: number; reason: string };
      alerts: (request: StoredRequest, grant?: StoredGrant) => OutboxAlert[];
    },
  ): Promise<{ request: StoredRequest; grant?: StoredGrant }> {
    const { now, auto } = options;
    const request: StoredRequest = {
      ...input,
      id: randomUUID(),
      state: auto ? 'approved' : 'pending',
      createdAt: now,
    };
    if (auto) {
      request.decidedBy = 'auto';
      request.decidedAt = now;
      request.note = auto.reason;
    }
    const grant = auto
      ? newGrant(request, 'auto', now, auto.expiresAt)
      : undefined;
    await this.db.transaction(async tx => {
      await tx('dm_access_requests').insert(requestRow(request));
      const entries: AuditInput[] = [
        {
          entityRef: request.entityRef,
          actor: request.requester,
          action: 'requested',
          requestId: request.id,
          principal: request.principal,
          detail: describeRequest(request),
        },
      ];
      if (grant) {
        await tx('dm_access_grants').insert(grantRow(grant));
        entries.push({
          entityRef: request.entityRef,
          actor: 'auto',
          action: 'auto-approved',
          requestId: request.id,
          grantId: grant.id,
          principal: grant.principal,
          detail: `${auto!.reason}; until ${iso(grant.expiresAt)}`,
        });
      }
      await this.audit(tx, entries, now);
      await enqueueAlerts(tx, options.alerts(request, grant), now);
    });
    return { request, grant };
  }

  /**
   * Decides a pending request: approves it with a grant that ends at `expiresAt`, or
   * refuses it. Undefined when it is not pending (any more).
   */
  async decide(
    id: string,
    decision:
      | { decision: 'approve'; note?: string; expiresAt: number }
      | { decision: 'refuse'; note: string },
    options: {
      by: string;
      now: number;
      alerts: (request: StoredRequest, grant?: StoredGrant) => OutboxAlert[];
    },
  ): Promise<{ request: StoredRequest; grant?: StoredGrant } | undefined> {
    const { by, now } = options;
    return this.db.transaction(async tx => {
      const row = await tx('dm_access_requests').where({ id }).first();
      if (!row || row.state !== 'pending') return undefined;
      const state: AccessRequestState =
        decision.decision === 'approve' ? 'approved' : 'refused';
      const changed = await tx('dm_access_requests')
        .where({ id, state: 'pending' })
        .update({
          state,
          decided_by: by,
          decided_at: now,
          note: decision.note ?? null,
        });
      if (changed !== 1) return undefined;
      const request = requestOf({
        ...row,
        state,
        decided_by: by,
        decided_at: now,
        note: decision.note ?? null,
      });
      let grant: StoredGrant | undefined;
      const entries: AuditInput[] = [];
      if (decision.decision === 'approve') {
        grant = newGrant(request, by, now, decision.expiresAt);
        await tx('dm_access_grants').insert(grantRow(grant));
        entries.push({
          entityRef: request.entityRef,
          actor: by,
          action: 'approved',
          requestId: id,
          grantId: grant.id,
          principal: request.principal,
          detail: `until ${iso(decision.expiresAt)}${
            decision.note ? `: ${decision.note}` : ''
          }`,
        });
      } else {
        entries.push({
          entityRef: request.entityRef,
          actor: by,
          action: 'refused',
          requestId: id,
          principal: request.principal,
          detail: decision.note,
        });
      }
      await this.audit(tx, entries, now);
      await enqueueAlerts(tx, options.alerts(request, grant), now);
      return { request, grant };
    });
  }

  /** The requester withdraws a pending request. Undefined when it is not pending. */
  async withdraw(
    id: string,
    options: { by: string; now: number },
  ): Promise<StoredRequest | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx('dm_access_requests').where({ id }).first();
      if (!row || row.state !== 'pending') return undefined;
      const changed = await tx('dm_access_requests')
        .where({ id, state: 'pending' })
        .update({
          state: 'withdrawn',
          decided_by: options.by,
          decided_at: options.now,
        });
      if (changed !== 1) return undefined;
      await this.audit(
        tx,
        [
          {
            entityRef: row.entity_ref,
            actor: options.by,
            action: 'withdrawn',
            requestId: id,
            principal: row.principal,
          },
        ],
        options.now,
      );
      return requestOf({
        ...row,
        state: 'withdrawn',
        decided_by: options.by,
        decided_at: options.now,
      });
    });
  }

  /**
   * Ends an active grant (revoked by an owner, or expired). Undefined when it is not active
   * any more: whoever ended it first wrote the audit entry and the notifications.
   */
  async endGrant(
    id: string,
    options: {
      state: 'revoked' | 'expired';
      by: string;
      now: number;
      note?: string;
      alerts: (grant: StoredGrant) => OutboxAlert[];
    },
  ): Promise<StoredGrant | undefined> {
    const { now, by, state } = options;
    return this.db.transaction(async tx => {
      const row = await tx('dm_access_grants').where({ id }).first();
      if (!row || row.state !== 'active') return undefined;
      const changed = await tx('dm_access_grants')
        .where({ id, state: 'active' })
        .update({ state, ended_at: now, ended_by: by });
      if (changed !== 1) return undefined;
      const grant = grantOf({ ...row, state, ended_at: now, ended_by: by });
      await this.audit(
        tx,
        [
          {
            entityRef: grant.entityRef,
            actor: by,
            action: state,
            requestId: grant.requestId,
            grantId: id,
            principal: grant.principal,
            detail:
              state === 'expired'
                ? `ended at ${iso(grant.expiresAt)}`
                : options.note,
          },
        ],
        now,
      );
      await enqueueAlerts(tx, options.alerts(grant), now);
      return grant;
    });
  }

  /** Records where a grant was applied (or removed) on the data's platforms. */
  async setPlatforms(
    id: string,
    platforms: AccessGrantPlatformView[],
  ): Promise<void> {
    await this.db('dm_access_grants')
      .where({ id })
      .update({ platforms: JSON.stringify(platforms) });
  }

  async request(id: string): Promise<StoredRequest | undefined> {
    const row = await this.db('dm_access_requests').where({ id }).first();
    return row ? requestOf(row) : undefined;
  }

  async grant(id: string): Promise<StoredGrant | undefined> {
    const row = await this.db('dm_access_grants').where({ id }).first();
    return row ? grantOf(row) : undefined;
  }
  /** The pending request of a principal for a product (and port), if any. */
  async pendingRequest(
    entityRef: string,
    principal: string,
    outputPort: string | undefined,
  ): Promise<StoredRequest | undefined> {
    return pendingRequest(this.db, entityRef, principal, outputPort);
  }

  /** Active grants that reached their end by `now`, oldest end first. */
  async dueGrants(now: number, limit = 100): Promise<StoredGrant[]> {
    return dueGrants(this.db, now, limit);
  }

  /** Every grant that holds at `now`: who reads which product, until when. */
  async activeGrants(now: number): Promise<StoredGrant[]> {
    return activeGrants(this.db, now);
  }

  /** Grants that failed to apply on a platform and still hold: applied again later. */
  async grantsToRetry(now: number): Promise<StoredGrant[]> {
    return grantsToRetry(this.db, now);
  }

  async requests(filter: AccessFilter): Promise<StoredRequest[]> {
    return listRequests(this.db, filter);
  }

  async grants(filter: AccessFilter): Promise<StoredGrant[]> {
    return listGrants(this.db, filter);
  }

  /** The grants that answered these requests. */
  async grantsOfRequests(
    ids: readonly string[],
  ): Promise<Map<string, StoredGrant>> {
    return grantsOfRequests(this.db, ids);
  }

  /** A product's audit trail, newest first. */
  async auditTrail(
    entityRef: string,
    limit = 500,
  ): Promise<AccessAuditEntry[]> {
    return auditTrail(this.db, entityRef, limit);
  }
}
