/**
 * Access requests and grants: what a consumer may ask for, what an owner may decide, when a
 * product approves a request by itself, and which grants hold at a given time. Decided here,
 * once; the backend stores and enforces.
 */
import type { ContractIssue } from '../issues';
import {
  CLASSIFICATION_LEVELS,
  type ClassificationLevel,
  classificationLevel,
} from './classification';
import { principalRef } from './productAccess';

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
 * Whether a grant holds: `active` until it expires or an owner revokes it.
 * @public
 */
export type AccessGrantState = 'active' | 'expired' | 'revoked';

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
 * The platform's rules for access requests (`dataMesh.accessRequests` in app-config).
 * @public
 */
export interface AccessRequestSettings {
  /** The longest a grant may run, in days (default 365). */
  maxDays: number;
  /** How long an automatically approved grant runs when the product says nothing (default 90). */
  autoApproveDays: number;
  /**
   * The classification levels at which a product's own auto-approval applies (default
   * public, internal, confidential): a product classified above them is always decided by
   * its owners, whatever it declares.
   */
  autoApproveLevels: ClassificationLevel[];
}

/** @public */
export const DEFAULT_ACCESS_REQUEST_SETTINGS: AccessRequestSettings =
  Object.freeze({
    maxDays: 365,
    autoApproveDays: 90,
    autoApproveLevels: ['public', 'internal', 'confidential'],
  }) as AccessRequestSettings;

/** Longest purpose or decision note, in characters. */
export const ACCESS_TEXT_MAX = 2000;

const DAY_MS = 86_400_000;

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

/** A request, read and checked. */
export interface ReadAccessRequest {
  entityRef: string;
  outputPort?: string;
  purpose: string;
  /** ms since the epoch */
  until?: number;
  /** Lower-case entity ref of the user or group the grant is for. */
  principal: string;
}

/** A decision, read and checked. */
export type ReadAccessDecision =
  | { decision: 'approve'; note?: string; expiresAt: number }
  | { decision: 'refuse'; note: string };

function issue(path: string, message: string, rule: string): ContractIssue {
  return { severity: 'error', path, message, rule };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
 * someone else. `outputPorts` are the names of the product's output ports.
 * @public
 */
export function readAccessRequest(
  body: unknown,
  context: {
    now: number;
    settings?: AccessRequestSettings;
    user: string;
    claims: readonly string[];
  },
): { request?: ReadAccessRequest; issues: ContractIssue[] } {
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
  const request: ReadAccessRequest = { entityRef, purpose, principal };
  if (outputPort) request.outputPort = outputPort;
  if (until !== undefined) request.until = until;
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

/**
 * A product's own rule for approving requests without its owners: requests from members of
 * `groups`, while the product is classified at one of `classifications`, for `days`. Written
 * in `spec.dataProduct.accessRequests.autoApprove`.
 * @public
 */
export interface AutoApproval {
  /** Group refs whose members are approved; empty: any requester. */
  groups: string[];
  /** Levels at which the rule applies; empty: any level the platform allows. */
  classifications: ClassificationLevel[];
  /** How long the grant runs; the platform's `autoApproveDays` when absent. */
  days?: number;
}

/**
 * Reads `spec.dataProduct.accessRequests` of an entity: its `autoApprove` rule, with an issue
 * (JSON pointer into the entity) for every part that is not of the expected shape.
 * @public
 */
export function readAutoApproval(raw: unknown): {
  autoApprove?: AutoApproval;
  issues: ContractIssue[];
} {
  const issues: ContractIssue[] = [];
  const base = '/spec/dataProduct/accessRequests';
  if (raw === undefined || raw === null) return { issues };
  if (!isRecord(raw)) {
    issues.push(
      issue(base, 'accessRequests must be a mapping (autoApprove)', 'type'),
    );
    return { issues };
  }
  const auto = raw.autoApprove;
  if (auto === undefined || auto === null) return { issues };
  if (!isRecord(auto)) {
    issues.push(
      issue(
        `${base}/autoApprove`,
        'autoApprove must be a mapping: groups, classifications, days',
        'type',
      ),
    );
    return { issues };
  }
  const list = (key: string): string[] => {
    const value = auto[key];
    if (value === undefined || value === null) return [];
    if (
      !Array.isArray(value) ||
      value.some(v => typeof v !== 'string' || !v.trim())
    ) {
      issues.push(
        issue(
          `${base}/autoApprove/${key}`,
          `autoApprove.${key} must be a list of names`,
          'type',
        ),
      );
      return [];
    }
    return value.map(v => v.trim());
  };
  const groups: string[] = [];
  list('groups').forEach((g, i) => {
    const ref = principalRef(g);
    if (ref) groups.push(ref);
    else
      issues.push(
        issue(
          `${base}/autoApprove/groups/${i}`,
          `"${g}" is not a group ref; write e.g. group:default/finance-analytics`,
          'entity-ref',
        ),
      );
  });
  const classifications: ClassificationLevel[] = [];
  list('classifications').forEach((c, i) => {
    const level = CLASSIFICATION_LEVELS.find(l => l === c.toLowerCase());
    if (level) classifications.push(level);
    else
      issues.push(
        issue(
          `${base}/autoApprove/classifications/${i}`,
          `"${c}" is not a classification level; use one of ${CLASSIFICATION_LEVELS.join(
            ', ',
          )}`,
          'enum',
        ),
      );
  });
  let days: number | undefined;
  if (auto.days !== undefined) {
    if (
      typeof auto.days !== 'number' ||
      !Number.isInteger(auto.days) ||
      auto.days < 1
    )
      issues.push(
        issue(
          `${base}/autoApprove/days`,
          'autoApprove.days must be a whole number of days, at least 1',
          'type',
        ),
      );
    else days = auto.days;
  }
  if (groups.length === 0 && classifications.length === 0 && !issues.length) {
    issues.push(
      issue(
        `${base}/autoApprove`,
        'autoApprove names neither groups nor classifications: say whose requests, or at which classification, are approved without the owners',
        'required',
      ),
    );
  }
  if (issues.length > 0) return { issues };
  const autoApprove: AutoApproval = { groups, classifications };
  if (days !== undefined) autoApprove.days = days;
  return { autoApprove, issues };
}

/**
 * Whether a request is approved without the owners, and until when: when the product
 * declares auto-approval, its level is one the platform allows and the rule names, and the
 * requester belongs to one of its groups (a grant for a group: that group is named).
 * Otherwise the reason it waits for the owners.
 * @public
 */
export function autoApprovalOf(options: {
  rule: AutoApproval | undefined;
  level: ClassificationLevel | string;
  /** The requester's ownership refs (the user and their groups). */
  claims: readonly string[];
  /** Who the grant would be for. */
  principal: string;
  now: number;
  /** The end the requester asked for, if any. */
  until?: number;
  settings?: AccessRequestSettings;
}):
  | { approved: true; expiresAt: number; reason: string }
  | { approved: false; reason: string } {
  const settings = options.settings ?? DEFAULT_ACCESS_REQUEST_SETTINGS;
  const { rule } = options;
  if (!rule)
    return { approved: false, reason: 'the product decides by its owners' };
  const level = classificationLevel(options.level) ?? 'internal';
  if (!settings.autoApproveLevels.includes(level)) {
    return {
      approved: false,
      reason: `the product is ${level}; the platform approves automatically only at ${settings.autoApproveLevels.join(
        ', ',
      )}`,
    };
  }
  if (rule.classifications.length && !rule.classifications.includes(level)) {
    return {
      approved: false,
      reason: `the product is ${level}, not one of the levels it approves automatically (${rule.classifications.join(
        ', ',
      )})`,
    };
  }
  const principal = principalRef(options.principal);
  const claims = new Set(options.claims.map(c => principalRef(c)));
  if (
    rule.groups.length &&
    !rule.groups.some(g => g === principal || claims.has(g))
  ) {
    return {
      approved: false,
      reason:
        'the requester is in none of the groups it approves automatically',
    };
  }
  const days = Math.min(
    rule.days ?? settings.autoApproveDays,
    settings.maxDays,
  );
  const end = options.now + days * DAY_MS;
  const expiresAt =
    options.until !== undefined && options.until < end ? options.until : end;
  return {
    approved: true,
    expiresAt,
    reason: rule.groups.length
      ? `approved automatically: a member of ${rule.groups.join(', ')}`
      : `approved automatically at ${level}`,
  };
}

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
export function grantHolds(grant: GrantWindow, now: number): boolean {
  return grant.state === 'active' && grant.expiresAt > now;
}
