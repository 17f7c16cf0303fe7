/**
 * Access requests and owners' decisions: what a consumer may ask for and what an owner may
 * decide, read and checked from the bodies of the API. Decided here, once; the backend
 * stores and enforces. The states (`accessStates.ts`), the platform's settings
 * (`accessSettings.ts`) and a product's auto-approval (`autoApproval.ts`) are exported from
 * here too.
 */
import type { Entity } from '@backstage/catalog-model';
import { readDataProductSpec } from '../entity/dataProductSpec';
import type { ContractIssue } from '../issues';
import { isRecord } from '../parsedValues';
import {
  DAY_MS,
  type AccessRequestSettings,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
} from './accessSettings';
import { autoApprovalOf } from './autoApproval';
import type { ClassificationLevel } from './classification';
import { principalRef } from './productAccess';

export {
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

/** Longest purpose or decision note, in characters. */
export const ACCESS_TEXT_MAX = 2000;

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
 * A consumer's request, read and checked (see {@link AccessRequest.read}), and whether its
 * product approves it without the owners.
 * @public
 */
export class AccessRequest {
  readonly entityRef: string;
  readonly outputPort?: string;
  readonly purpose: string;
  /** ms since the epoch */
  readonly until?: number;
  /** Lower-case entity ref of the user or group the grant is for. */
  readonly principal: string;

  /**
   * Reads a consumer's request (the body of `POST /api/data-mesh/access-requests`).
   * `context.user` and `context.claims` are the requester's user ref and ownership refs (the
   * user and their groups): a request may be for the requester or one of their groups,
   * never for someone else. Every part that is wrong is an issue at its JSON pointer.
   */
  static read(
    body: unknown,
    context: {
      now: number;
      settings?: AccessRequestSettings;
      user: string;
      claims: readonly string[];
    },
  ): { request?: AccessRequest; issues: ContractIssue[] } {
    return readAccessRequest(body, context);
  }

  constructor(fields: {
    entityRef: string;
    outputPort?: string;
    purpose: string;
    until?: number;
    principal: string;
  }) {
    this.entityRef = fields.entityRef;
    if (fields.outputPort !== undefined) this.outputPort = fields.outputPort;
    this.purpose = fields.purpose;
    if (fields.until !== undefined) this.until = fields.until;
    this.principal = fields.principal;
  }

  /**
   * Whether the product approves this request without its owners, and until when: by the
   * product's own rule (`spec.dataProduct.accessRequests.autoApprove` of its entity), at its
   * classification, for a requester with these ownership refs (the user and their groups),
   * within the platform's settings. Otherwise the reason it waits for the owners.
   */
  autoApproval(
    product: { entity: Entity; classification: ClassificationLevel | string },
    claims: readonly string[],
    options: { now: number; settings?: AccessRequestSettings },
  ):
    | { approved: true; expiresAt: number; reason: string }
    | { approved: false; reason: string } {
    const { spec } = readDataProductSpec(product.entity);
    return autoApprovalOf({
      rule: spec.accessRequests?.autoApprove,
      level: product.classification,
      claims,
      principal: this.principal,
      now: options.now,
      until: this.until,
      settings: options.settings,
    });
  }
}

/**
 * A decision, read and checked.
 * @public
 */
export type ReadAccessDecision =
  | { decision: 'approve'; note?: string; expiresAt: number }
  | { decision: 'refuse'; note: string };

function issue(path: string, message: string, rule: string): ContractIssue {
  return { severity: 'error', path, message, rule };
}

function readText(
  body: Record<string, unknown>,
  key: string,
  issues: ContractIssue[],
  required: string | undefined,
): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') {
    if (required) issues.push(issue(`/${key}`, required, 'required'));
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push(issue(`/${key}`, `${key} must be text`, 'type'));
    return undefined;
  }
  const text = value.trim();
  if (!text) {
    if (required) issues.push(issue(`/${key}`, required, 'required'));
    return undefined;
  }
  if (text.length > ACCESS_TEXT_MAX) {
    issues.push(
      issue(
        `/${key}`,
        `${key} is ${text.length} characters long; write at most ${ACCESS_TEXT_MAX}`,
        'maxLength',
      ),
    );
    return undefined;
  }
  return text;
}

/**
 * A time from now to at most `maxDays` ahead, written as ISO 8601 (a date alone means the
 * end of that day, UTC).
 */
function readFutureTime(
  body: Record<string, unknown>,
  key: string,
  issues: ContractIssue[],
  now: number,
  maxDays: number,
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const time = text
    ? Date.parse(dateOnly ? `${text}T23:59:59.999Z` : text)
    : NaN;
  if (Number.isNaN(time)) {
    issues.push(
      issue(
        `/${key}`,
        `${key} must be a date or time in ISO 8601, e.g. 2026-03-31 or 2026-03-31T18:00:00Z (found ${JSON.stringify(
          value,
        )})`,
        'format',
      ),
    );
    return undefined;
  }
  if (time <= now) {
    issues.push(
      issue(
        `/${key}`,
        `${key} ${text} has passed; give a time in the future`,
        'minimum',
      ),
    );
    return undefined;
  }
  if (time > now + maxDays * DAY_MS) {
    issues.push(
      issue(
        `/${key}`,
        `${key} ${text} is more than ${maxDays} days ahead, the longest a grant may run here (dataMesh.accessRequests.maxDays); ask again before it ends instead`,
        'maximum',
      ),
    );
    return undefined;
  }
  return time;
}

/**
 * Reads a consumer's request. `claims` are the requester's ownership refs (the user and
 * their groups): a request may be for the requester or one of their groups, never for
 * someone else. Outside this package: {@link AccessRequest.read}.
 */
export function readAccessRequest(
  body: unknown,
  context: {
    now: number;
    settings?: AccessRequestSettings;
    user: string;
    claims: readonly string[];
  },
): { request?: AccessRequest; issues: ContractIssue[] } {
  const settings = context.settings ?? DEFAULT_ACCESS_REQUEST_SETTINGS;
  const issues: ContractIssue[] = [];
  if (!isRecord(body)) {
    return {
      issues: [
        issue(
          '',
          'the request must be a JSON object: { "entityRef", "purpose", "until"?, "outputPort"?, "for"? }',
          'type',
        ),
      ],
    };
  }
  const entityRef = readText(
    body,
    'entityRef',
    issues,
    'entityRef is required: the data product, e.g. component:default/sales-orders',
  );
  const purpose = readText(
    body,
    'purpose',
    issues,
    'purpose is required: say what the data is for, so the owners can decide',
  );
  const outputPort = readText(body, 'outputPort', issues, undefined);
  const until = readFutureTime(
    body,
    'until',
    issues,
    context.now,
    settings.maxDays,
  );
  const user = principalRef(context.user);
  let principal = user;
  const forText = readText(body, 'for', issues, undefined);
  if (forText !== undefined) {
    const wanted = principalRef(forText);
    const mine = new Set(context.claims.map(c => principalRef(c)));
    if (!wanted || !(wanted === user || mine.has(wanted))) {
      issues.push(
        issue(
          '/for',
          `for "${forText}" is neither you nor one of your groups; ask for yourself or for a group you belong to`,
          'enum',
        ),
      );
    } else principal = wanted;
  }
  if (!principal) {
    issues.push(
      issue('', 'only a signed-in user may ask for access', 'principal'),
    );
  }
  if (issues.length > 0 || !entityRef || !purpose || !principal)
    return { issues };
  const request = new AccessRequest({
    entityRef,
    purpose,
    principal,
    outputPort: outputPort || undefined,
    until,
  });
  return { request, issues };
}

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
