/**
 * What a pushed run may claim: times inside the history the backend keeps and not ahead of
 * its clock, ids that fit the database's columns, and a bounded number of checks the
 * product's contract does not declare.
 */
import type { Config } from '@backstage/config';

const DAY = 86_400_000;

/** How long history is kept by default: 400 days, so a year compares with the one before. */
export const DEFAULT_RETENTION_DAYS = 400;

/** How far ahead of the backend's clock a pushed time may be (clocks drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The longest id (product ref, run id, SLO id, server) the tables store. */
export const MAX_KEY_LENGTH = 255;

/** The most SLO ids a product may have that its contract does not declare (`datacontract:…`). */
export const MAX_UNDECLARED_CHECKS = 100;

/** The times a push may name: from `now - retentionMs` to `now` plus the clock skew. */
export interface PushTimeBounds {
  /** When the push arrived (ms since the epoch). */
  now: number;
  /** How far back a pushed time may be (ms). */
  retentionMs: number;
}

/**
 * The history kept, from `dataMesh.history.retentionDays` (default 400), in milliseconds.
 * Throws, naming the key, when the setting is not a positive number of days.
 */
export function readHistoryRetention(config: Config): number {
  const days =
    config.getOptionalNumber('dataMesh.history.retentionDays') ??
    DEFAULT_RETENTION_DAYS;
  if (!Number.isFinite(days) || days < 1) {
    throw new Error(
      `dataMesh.history.retentionDays must be a number of days of at least 1 (found ${days}).`,
    );
  }
  return days * DAY;
}

/** Why a pushed time is refused, or undefined when it is inside the bounds. */
export function outOfBounds(
  at: number,
  bounds: PushTimeBounds,
): string | undefined {
  if (at > bounds.now + MAX_CLOCK_SKEW_MS) {
    return `is in the future (the backend's clock reads ${new Date(
      bounds.now,
    ).toISOString()}; at most ${
      MAX_CLOCK_SKEW_MS / 60_000
    } minutes ahead are allowed): send the time the check ran, in UTC or with its offset`;
  }
  if (at < bounds.now - bounds.retentionMs) {
    const days = Math.round(bounds.retentionMs / DAY);
    return `is older than the ${days} days of history kept (dataMesh.history.retentionDays): push only results of the last ${days} days`;
  }
  return undefined;
}
