/**
 * The states of access requests and grants, the steps of a product's access audit trail, and
 * whether a grant gives access at a given time.
 */

/**
 * Where a request is: waiting for the owners, approved (a grant was made), refused, or
 * withdrawn by the requester.
 * @public
 */
export type AccessRequestState =
  | 'pending'
  | 'approved'
  | 'refused'
  | 'withdrawn';

/** @public */
export const ACCESS_REQUEST_STATES: readonly AccessRequestState[] = [
  'pending',
  'approved',
  'refused',
  'withdrawn',
];

/**
 * The states of a grant, in the order a listing offers them.
 * @public
 */
export const ACCESS_GRANT_STATES = ['active', 'expired', 'revoked'] as const;

/**
 * Whether a grant holds: `active` until it expires or an owner revokes it.
 * @public
 */
export type AccessGrantState = (typeof ACCESS_GRANT_STATES)[number];

/**
 * One step of the audit trail of a product's access.
 * @public
 */
export type AccessAuditAction =
  | 'requested'
  | 'approved'
  | 'auto-approved'
  | 'refused'
  | 'withdrawn'
  | 'revoked'
  | 'expired'
  | 'applied'
  | 'apply-failed'
  | 'unapplied'
  | 'unapply-failed';

/**
 * A grant as far as access is concerned: who, on which product, until when.
 * @public
 */
export interface GrantWindow {
  principal: string;
  state: AccessGrantState;
  /** ms since the epoch */
  expiresAt: number;
}

/**
 * Whether a grant gives access at `now`: it is active and has not reached its end, so an
 * expiry holds to the millisecond even before the grant is marked expired.
 * @public
 */
export function grantHolds(
  grant: Pick<GrantWindow, 'state' | 'expiresAt'>,
  now: number,
): boolean {
  return grant.state === 'active' && grant.expiresAt > now;
}

/**
 * The grants among `grants` that give access at `now` (active, before their end, to the
 * millisecond), in their order.
 * @public
 */
export function holdingGrants<
  G extends { state: AccessGrantState; expiresAt: number },
>(grants: readonly G[], now: number): G[] {
  return grants.filter(grant => grantHolds(grant, now));
}
