/**
 * Access requests and owners' decisions: what a consumer may ask for and what an owner may
 * decide, read and checked from the bodies of the API. Decided here, once; the backend
 * stores and enforces. The states (`accessStates.ts`), the platform's settings
 * (`accessSettings.ts`), a product's auto-approval (`autoApproval.ts`) and the request itself
 * (`accessRequest.ts`) are exported from here too.
 */
import type { ContractIssue } from '../issues';
import { isRecord } from '../parsedValues';
import {
  type AccessRequestSettings,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
} from './accessSettings';
import { issue, readFutureTime, readText } from './bodyFields';

export { AccessRequest, readAccessRequest } from './accessRequest';
export { ACCESS_TEXT_MAX } from './bodyFields';
export {
  ACCESS_GRANT_STATES,
  ACCESS_REQUEST_STATES,
  grantHolds,
  holdingGrants,
} from './accessStates';
export type {
  AccessAuditAction,
  AccessGrantState,
  AccessRequestState,
  GrantWindow,
} from './accessStates';
export { DEFAULT_ACCESS_REQUEST_SETTINGS } from './accessSettings';
export type { AccessRequestSettings } from './accessSettings';
export { autoApprovalOf, readAutoApproval } from './autoApproval';
export type { AutoApproval } from './autoApproval';

/**
 * What a consumer asks for (the body of `POST /api/data-mesh/access-requests`).
 * @public
 */
export interface AccessRequestInput {
  /** The product, as an entity ref (`component:default/sales-orders`). */
  entityRef: string;
  /** One output port of the product, by name; the whole product when absent. */
  outputPort?: string;
  /** Why the data is needed: shown to the owners and kept in the audit trail. */
  purpose: string;
  /** When the access is no longer needed (ISO 8601); the owners may choose an earlier end. */
  until?: string;
  /**
   * Who the grant is for: the requester (default) or one of the groups they belong to, as
   * an entity ref.
   */
  for?: string;
}

/**
 * An owner's decision (the body of `POST /api/data-mesh/access-requests/:id/decision`).
 * @public
 */
export interface AccessDecisionInput {
  decision: 'approve' | 'refuse';
  /** Why: required when refusing, kept in the audit trail either way. */
  note?: string;
  /** When the grant ends (ISO 8601), required when approving, at most `maxDays` ahead. */
  expiresAt?: string;
}

/**
 * A decision, read and checked.
 * @public
 */
export type ReadAccessDecision =
  | { decision: 'approve'; note?: string; expiresAt: number }
  | { decision: 'refuse'; note: string };

/**
 * Reads an owner's decision: approving needs an end (`expiresAt`, at most `maxDays`
 * ahead), refusing needs a note saying why.
 * @public
 */
export function readAccessDecision(
  body: unknown,
  context: { now: number; settings?: AccessRequestSettings },
): { decision?: ReadAccessDecision; issues: ContractIssue[] } {
  const settings = context.settings ?? DEFAULT_ACCESS_REQUEST_SETTINGS;
  if (!isRecord(body)) {
    return {
      issues: [
        issue(
          '',
          'the decision must be a JSON object: { "decision": "approve" | "refuse", "note"?, "expiresAt"? }',
          'type',
        ),
      ],
    };
  }
  const issues: ContractIssue[] = [];
  const decision = body.decision;
  if (decision !== 'approve' && decision !== 'refuse') {
    issues.push(
      issue(
        '/decision',
        `decision must be "approve" or "refuse" (found ${JSON.stringify(
          decision,
        )})`,
        'enum',
      ),
    );
    return { issues };
  }
  if (decision === 'refuse') {
    const note = readText(
      body,
      'note',
      issues,
      'note is required when refusing: tell the requester why',
    );
    return note && issues.length === 0
      ? { decision: { decision, note }, issues }
      : { issues };
  }
  const note = readText(body, 'note', issues, undefined);
  const expiresAt = readFutureTime(
    body,
    'expiresAt',
    issues,
    context.now,
    settings.maxDays,
  );
  if (expiresAt === undefined && !issues.some(i => i.path === '/expiresAt')) {
    issues.push(
      issue(
        '/expiresAt',
        `expiresAt is required when approving: every grant ends, at most ${settings.maxDays} days from now`,
        'required',
      ),
    );
  }
  if (issues.length > 0 || expiresAt === undefined) return { issues };
  return {
    decision: note ? { decision, note, expiresAt } : { decision, expiresAt },
    issues,
  };
}
