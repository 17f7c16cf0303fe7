/**
 * What the access store keeps of requests, grants and audit entries: their stored shapes,
 * the grant that answers a request, their rows in the database both ways, and how the API
 * shows them.
 */
import { randomUUID } from 'node:crypto';
import type {
  AccessAuditAction,
  AccessGrantState,
  AccessRequestState,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  AccessGrantPlatformView,
  AccessGrantView,
  AccessRequestView,
} from '@backstage-data-mesh/plugin-data-mesh-client';

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

/** What to list. Every filter is optional; `principals` matches the requester or principal. */
export interface AccessFilter {
  entityRefs?: readonly string[];
  requester?: string;
  principals?: readonly string[];
  state?: string;
  limit?: number;
}

export const opt = <T>(value: T | null | undefined): T | undefined =>
  value === null || value === undefined ? undefined : value;

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

/** A request from its row. */
export function requestOf(row: any): StoredRequest {
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

/** A grant from its row (no platforms when they do not read). */
export function grantOf(row: any): StoredGrant {
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

export const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Drops undefined values, so views serialise without empty keys. */
export function defined<T extends object>(value: T): T {
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

/** The grant that answers a request: active from `now` to `expiresAt`, on no platform yet. */
export function newGrant(
  request: StoredRequest,
  grantedBy: string,
  now: number,
  expiresAt: number,
): StoredGrant {
  return {
    id: randomUUID(),
    requestId: request.id,
    entityRef: request.entityRef,
    outputPort: request.outputPort,
    principal: request.principal,
    state: 'active',
    grantedBy,
    createdAt: now,
    expiresAt,
    platforms: [],
  };
}

/** The row of a new request. */
export function requestRow(request: StoredRequest) {
  return {
    id: request.id,
    entity_ref: request.entityRef,
    output_port: request.outputPort ?? null,
    requester: request.requester,
    principal: request.principal,
    purpose: request.purpose,
    until: request.until ?? null,
    state: request.state,
    created_at: request.createdAt,
    decided_by: request.decidedBy ?? null,
    decided_at: request.decidedAt ?? null,
    note: request.note ?? null,
  };
}

/** The row of a new grant. */
export function grantRow(grant: StoredGrant) {
  return {
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
  };
}

/** The rows of audit entries written at `now` (a detail is cut at 4000 characters). */
export function auditRows(entries: AuditInput[], now: number) {
  return entries.map(e => ({
    entity_ref: e.entityRef,
    at: now,
    actor: e.actor,
    action: e.action,
    request_id: e.requestId ?? null,
    grant_id: e.grantId ?? null,
    principal: e.principal ?? null,
    detail: e.detail?.slice(0, 4000) ?? null,
  }));
}

/** What the audit trail says of a new request. */
export function describeRequest(request: StoredRequest): string {
  return [
    request.purpose,
    request.outputPort ? `output port ${request.outputPort}` : undefined,
    request.until ? `needed until ${iso(request.until)}` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
}
