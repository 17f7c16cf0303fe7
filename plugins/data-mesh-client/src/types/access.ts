import type {
  AccessAuditAction,
  AccessGrantState,
  AccessRequestState,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * A grant: who may read a product, until when, and why.
 * @public
 */
export interface AccessGrantView {
  id: string;
  entityRef: string;
  outputPort?: string;
  /** The user or group that reads (entity ref). */
  principal: string;
  state: AccessGrantState;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  expiresAt: string;
  /** Who approved it, or `auto` for the product's auto-approval. */
  grantedBy: string;
  /** When it was revoked or expired (ISO 8601). */
  endedAt?: string;
  endedBy?: string;
  /** The request it answers. */
  requestId?: string;
  /** Where the grant was applied on the data's own platforms (PostgreSQL `GRANT`, modules). */
  platforms: AccessGrantPlatformView[];
}

/**
 * A grant as one platform holding the data applied it.
 * @public
 */
export interface AccessGrantPlatformView {
  /** `postgres:<server>`, or the id of a module's platform. */
  platform: string;
  /** The platform's own account, e.g. the database role. */
  account?: string;
  state: 'applied' | 'failed' | 'removed' | 'remove-failed';
  /** What failed, in words a person can act on. */
  error?: string;
}

/**
 * An access request and what became of it.
 * @public
 */
export interface AccessRequestView {
  id: string;
  entityRef: string;
  /** The product's title, when the caller may discover it. */
  title?: string;
  outputPort?: string;
  requester: string;
  /** Who the grant is for: the requester or one of their groups. */
  principal: string;
  purpose: string;
  /** ISO 8601: when the requester no longer needs it. */
  until?: string;
  state: AccessRequestState;
  /** ISO 8601. */
  createdAt: string;
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
  /** The grant an approval made. */
  grant?: AccessGrantView;
}

/**
 * `GET /api/data-mesh/access-requests?entity=&state=&mine=` (and the body of a created
 * request, `POST /api/data-mesh/access-requests`, as `{ request }`).
 * @public
 */
export interface AccessRequestsResponse {
  items: AccessRequestView[];
}

/**
 * `GET /api/data-mesh/grants?entity=&state=`.
 * @public
 */
export interface AccessGrantsResponse {
  items: AccessGrantView[];
}

/**
 * One step of a product's access audit trail: kept once, never changed.
 * @public
 */
export interface AccessAuditEntry {
  id: number;
  entityRef: string;
  /** ISO 8601. */
  at: string;
  /** Who did it: a user ref, `auto` (the product's auto-approval) or `system` (expiry). */
  actor: string;
  action: AccessAuditAction;
  requestId?: string;
  grantId?: string;
  /** The user or group concerned. */
  principal?: string;
  /** The purpose, note, end or platform outcome, in words. */
  detail?: string;
}

/**
 * `GET /api/data-mesh/access-audit?entity=` (owners only), newest first.
 * @public
 */
export interface AccessAuditResponse {
  items: AccessAuditEntry[];
}

/**
 * What the caller may do about a product's access
 * (`GET /api/data-mesh/products/:namespace/:name/access`).
 * @public
 */
export interface ProductAccessResponse {
  entityRef: string;
  /** The caller may read the product's data. */
  read: boolean;
  /** The caller may decide its requests and revoke its grants. */
  decide: boolean;
  /** The caller's own grant, when one holds. */
  grant?: AccessGrantView;
  /** The caller's pending request, when there is one. */
  pending?: AccessRequestView;
  /** The product's output ports one may ask for. */
  outputPorts: string[];
  /** The longest a grant may run here, in days. */
  maxDays: number;
}
