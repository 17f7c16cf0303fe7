/**
 * Reading the fields of an access request's or decision's body: text within its length,
 * and a time in the future within the platform's longest grant.
 */
import type { ContractIssue } from '../issues';
import { DAY_MS } from './accessSettings';

/** Longest purpose or decision note, in characters. */
export const ACCESS_TEXT_MAX = 2000;

export function issue(
  path: string,
  message: string,
  rule: string,
): ContractIssue {
  return { severity: 'error', path, message, rule };
}

export function readText(
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
export function readFutureTime(
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
