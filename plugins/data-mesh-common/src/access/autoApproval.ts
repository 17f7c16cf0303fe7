/**
 * A product's own rule for approving access requests without its owners: how it is written
 * in the entity, and whether it approves a given request, until when.
 */
import type { ContractIssue } from '../issues';
import { isRecord } from '../parsedValues';
import {
  DAY_MS,
  type AccessRequestSettings,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
} from './accessSettings';
import {
  CLASSIFICATION_LEVELS,
  type ClassificationLevel,
  classificationLevel,
} from './classification';
import { principalRef } from './productAccess';

function issue(path: string, message: string, rule: string): ContractIssue {
  return { severity: 'error', path, message, rule };
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
 * Otherwise the reason it waits for the owners. Outside this package:
 * `AccessRequest.autoApproval`.
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
