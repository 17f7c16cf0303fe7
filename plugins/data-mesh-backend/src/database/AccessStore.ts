/**
 * Access requests, grants and their audit trail in the plugin's database. Every change of a
 * request or grant is one transaction with its audit entries and the notifications it raises
 * (kept in the alert outbox), and is conditional on the state it changes from, so two
 * replicas (or two owners) deciding, revoking or expiring at once change it once.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  AccessAuditAction,
  AccessAuditEntry,
  AccessGrantPlatformView,
  AccessGrantState,
  AccessGrantView,
  AccessRequestState,
  AccessRequestView,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { type OutboxAlert, enqueueAlerts } from './AlertOutbox';

/** A stored request. */
export interface StoredRequest {
  id: string;
  entityRef: string;
  outputPort?: string;
  requester: string;
  principal: string;
  purpose: string;
  until?: number;
  state: AccessRequestState;
  createdAt: number;
  decidedBy?: string;
  decidedAt?: number;
  note?: string;
}

/** A stored grant. */
export interface StoredGrant {
  id: string;
  requestId?: string;
  entityRef: string;
  outputPort?: string;
  principal: string;
  state: AccessGrantState;
  grantedBy: string;
  createdAt: number;
  expiresAt: number;
  endedAt?: number;
  endedBy?: string;
  platforms: AccessGrantPlatformView[];
}

/** An audit entry to write. */
export interface AuditInput {
  entityRef: string;
  actor: string;
  action: AccessAuditAction;
  requestId?: string;
  grantId?: string;
  principal?: string;
  detail?: string;
}

const opt = <T>(value: T | null | undefined): T | undefined =>
  value === null || value === undefined ? undefined : value;

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

function requestOf(row: any): StoredRequest {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    outputPort: opt(row.output_port),
    requester: row.requester,
    principal: row.principal,
    purpose: row.purpose,
    until: num(row.until),
    state: row.state,
    createdAt: Number(row.created_at),
    decidedBy: opt(row.decided_by),
    decidedAt: num(row.decided_at),
    note: opt(row.note),
  };
}

function grantOf(row: any): StoredGrant {
  let platforms: AccessGrantPlatformView[] = [];
  try {
    platforms = JSON.parse(row.platforms ?? '[]');
  } catch {
    platforms = [];
  }
  return {
    id: row.id,
    requestId: opt(row.request_id),
    entityRef: row.entity_ref,
    outputPort: opt(row.output_port),
    principal: row.principal,
    state: row.state,
    grantedBy: row.granted_by,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    endedAt: num(row.ended_at),
    endedBy: opt(row.ended_by),
    platforms,
  };
}

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Drops undefined values, so views serialise without empty keys. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** A grant as the API shows it. */
export function grantView(grant: StoredGrant): AccessGrantView {
  return defined({
    id: grant.id,
    entityRef: grant.entityRef,
    outputPort: grant.outputPort,
    principal: grant.principal,
    state: grant.state,
    createdAt: iso(grant.createdAt)!,
    expiresAt: iso(grant.expiresAt)!,
    grantedBy: grant.grantedBy,
    endedAt: iso(grant.endedAt),
    endedBy: grant.endedBy,
    requestId: grant.requestId,
    platforms: grant.platforms,
  });
}

/** A request as the API shows it. */
export function requestView(
  request: StoredRequest,
  grant?: StoredGrant,
): AccessRequestView {
  return defined({
    id: request.id,
    entityRef: request.entityRef,
    outputPort: request.outputPort,
    requester: request.requester,
    principal: request.principal,
    purpose: request.purpose,
    until: iso(request.until),
    state: request.state,
    createdAt: iso(request.createdAt)!,
    decidedBy: request.decidedBy,
    decidedAt: iso(request.decidedAt),
    note: request.note,
    grant: grant ? grantView(grant) : undefined,
  });
}

/** What to list. Every filter is optional; `principals` matches the requester or principal. */
export interface AccessFilter {
  entityRefs?: readonly string[];
  requester?: string;
  principals?: readonly string[];
  state?: string;
  limit?: number;
}

export class AccessStore {
  constructor(private readonly db: Knex) {}

  private async audit(
    tx: Knex | Knex.Transaction,
    entries: AuditInput[],
    now: number,
  ) {
    if (entries.length === 0) return;
    await tx('dm_access_audit').insert(
      entries.map(e => ({
        entity_ref: e.entityRef,
        at: now,
        actor: e.actor,
        action: e.action,
        request_id: e.requestId ?? null,
        grant_id: e.grantId ?? null,
        principal: e.principal ?? null,
        detail: e.detail?.slice(0, 4000) ?? null,
      })),
    );
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
    const grant: StoredGrant | undefined = auto
      ? {
          id: randomUUID(),
          requestId: request.id,
          entityRef: request.entityRef,
          outputPort: request.outputPort,
          principal: request.principal,
          state: 'active',
          grantedBy: 'auto',
          createdAt: now,
          expiresAt: auto.expiresAt,
          platforms: [],
        }
      : undefined;
    await this.db.transaction(async tx => {
      await tx('dm_access_requests').insert({
        id: request.id,
        entity_ref: request.entityRef,
        output_port: request.outputPort ?? null,
        requester: request.requester,
        principal: request.principal,
        purpose: request.purpose,
        until: request.until ?? null,
        state: request.state,
        created_at: now,
        decided_by: request.decidedBy ?? null,
        decided_at: request.decidedAt ?? null,
        note: request.note ?? null,
      });
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
        await this.insertGrant(tx, grant);
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

  private async insertGrant(tx: Knex.Transaction, grant: StoredGrant) {
    await tx('dm_access_grants').insert({
      id: grant.id,
      request_id: grant.requestId ?? null,
      entity_ref: grant.entityRef,
      output_port: grant.outputPort ?? null,
      principal: grant.principal,
      state: grant.state,
      granted_by: grant.grantedBy,
      created_at: grant.createdAt,
      expires_at: grant.expiresAt,
      platforms: JSON.stringify(grant.platforms),
    });
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
        grant = {
          id: randomUUID(),
          requestId: id,
          entityRef: request.entityRef,
          outputPort: request.outputPort,
          principal: request.principal,
          state: 'active',
          grantedBy: by,
          createdAt: now,
          expiresAt: decision.expiresAt,
          platforms: [],
        };
        await this.insertGrant(tx, grant);
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
    const row = await this.db('dm_access_requests')
      .where({ entity_ref: entityRef, principal, state: 'pending' })
      .andWhere(q =>
        outputPort
          ? q.where('output_port', outputPort)
          : q.whereNull('output_port'),
      )
      .first();
    return row ? requestOf(row) : undefined;
  }

  /** Active grants that reached their end by `now`, oldest end first. */
  async dueGrants(now: number, limit = 100): Promise<StoredGrant[]> {
    const rows = await this.db('dm_access_grants')
      .where({ state: 'active' })
      .andWhere('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit);
    return rows.map(grantOf);
  }

  /** Every grant that holds at `now`: who reads which product, until when. */
  async activeGrants(now: number): Promise<StoredGrant[]> {
    const rows = await this.db('dm_access_grants')
      .where({ state: 'active' })
      .andWhere('expires_at', '>', now);
    return rows.map(grantOf);
  }

  /** Grants that failed to apply on a platform and still hold: applied again later. */
  async grantsToRetry(now: number): Promise<StoredGrant[]> {
    const rows = await this.db('dm_access_grants')
      .where({ state: 'active' })
      .andWhere('expires_at', '>', now)
      .andWhere('platforms', 'like', '%"failed"%');
    return rows.map(grantOf);
  }

  async requests(filter: AccessFilter): Promise<StoredRequest[]> {
    const query = this.db('dm_access_requests')
      .select()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 500);
    this.filter(query, filter, 'requester');
    return (await query).map(requestOf);
  }

  async grants(filter: AccessFilter): Promise<StoredGrant[]> {
    const query = this.db('dm_access_grants')
      .select()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 500);
    this.filter(query, filter, undefined);
    return (await query).map(grantOf);
  }

  /** The grants that answered these requests. */
  async grantsOfRequests(
    ids: readonly string[],
  ): Promise<Map<string, StoredGrant>> {
    const found = new Map<string, StoredGrant>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db('dm_access_grants').whereIn(
        'request_id',
        ids.slice(i, i + 500),
      );
      for (const row of rows) found.set(row.request_id, grantOf(row));
    }
    return found;
  }

  private filter(
    query: Knex.QueryBuilder,
    filter: AccessFilter,
    requesterColumn: string | undefined,
  ) {
    if (filter.entityRefs) {
      const refs = filter.entityRefs;
      query.where(q => {
        for (let i = 0; i < refs.length; i += 500)
          q.orWhereIn('entity_ref', refs.slice(i, i + 500));
        if (refs.length === 0) q.whereRaw('1 = 0');
      });
    }
    if (filter.state) query.where('state', filter.state);
    if (filter.requester && requesterColumn)
      query.where(requesterColumn, filter.requester);
    if (filter.principals) {
      const principals = filter.principals;
      query.where(q => {
        q.whereIn('principal', principals.length ? principals : ['']);
        if (requesterColumn)
          q.orWhereIn(requesterColumn, principals.length ? principals : ['']);
      });
    }
  }

  /** A product's audit trail, newest first. */
  async auditTrail(
    entityRef: string,
    limit = 500,
  ): Promise<AccessAuditEntry[]> {
    const rows = await this.db('dm_access_audit')
      .where({ entity_ref: entityRef })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map((row: any) =>
      defined({
        id: Number(row.id),
        entityRef: row.entity_ref,
        at: new Date(Number(row.at)).toISOString(),
        actor: row.actor,
        action: row.action,
        requestId: opt(row.request_id),
        grantId: opt(row.grant_id),
        principal: opt(row.principal),
        detail: opt(row.detail),
      }),
    );
  }
}

function describeRequest(request: StoredRequest): string {
  return [
    request.purpose,
    request.outputPort ? `output port ${request.outputPort}` : undefined,
    request.until ? `needed until ${iso(request.until)}` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
}
