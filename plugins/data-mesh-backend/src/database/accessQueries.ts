/**
 * The reads of the access store that list: pending requests, grants due to expire, to hold
 * or to apply again, requests and grants by filter, and a product's audit trail.
 */
import type { Knex } from 'knex';
import type { AccessAuditEntry } from '@backstage-data-mesh/plugin-data-mesh-client';
import {
  type AccessFilter,
  type StoredGrant,
  type StoredRequest,
  defined,
  grantOf,
  opt,
  requestOf,
} from './accessRows';

/** The pending request of a principal for a product (and port), if any. */
export async function pendingRequest(
  db: Knex,
  entityRef: string,
  principal: string,
  outputPort: string | undefined,
): Promise<StoredRequest | undefined> {
  const row = await db('dm_access_requests')
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
export async function dueGrants(
  db: Knex,
  now: number,
  limit: number,
): Promise<StoredGrant[]> {
  const rows = await db('dm_access_grants')
    .where({ state: 'active' })
    .andWhere('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit);
  return rows.map(grantOf);
}

/** Every grant that holds at `now`: who reads which product, until when. */
export async function activeGrants(
  db: Knex,
  now: number,
): Promise<StoredGrant[]> {
  const rows = await db('dm_access_grants')
    .where({ state: 'active' })
    .andWhere('expires_at', '>', now);
  return rows.map(grantOf);
}

/** Grants that failed to apply on a platform and still hold: applied again later. */
export async function grantsToRetry(
  db: Knex,
  now: number,
): Promise<StoredGrant[]> {
  const rows = await db('dm_access_grants')
    .where({ state: 'active' })
    .andWhere('expires_at', '>', now)
    .andWhere('platforms', 'like', '%"failed"%');
  return rows.map(grantOf);
}

/** Requests by filter, newest first. */
export async function listRequests(
  db: Knex,
  filter: AccessFilter,
): Promise<StoredRequest[]> {
  const query = db('dm_access_requests')
    .select()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 500);
  applyFilter(query, filter, 'requester');
  return (await query).map(requestOf);
}

/** Grants by filter, newest first. */
export async function listGrants(
  db: Knex,
  filter: AccessFilter,
): Promise<StoredGrant[]> {
  const query = db('dm_access_grants')
    .select()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 500);
  applyFilter(query, filter, undefined);
  return (await query).map(grantOf);
}

/** The grants that answered these requests. */
export async function grantsOfRequests(
  db: Knex,
  ids: readonly string[],
): Promise<Map<string, StoredGrant>> {
  const found = new Map<string, StoredGrant>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db('dm_access_grants').whereIn(
      'request_id',
      ids.slice(i, i + 500),
    );
    for (const row of rows) found.set(row.request_id, grantOf(row));
  }
  return found;
}

function applyFilter(
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
export async function auditTrail(
  db: Knex,
  entityRef: string,
  limit: number,
): Promise<AccessAuditEntry[]> {
  const rows = await db('dm_access_audit')
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
