/**
 * The platform's rules for access requests (`dataMesh.accessRequests` in app-config) and
 * their defaults.
 */
import type { ClassificationLevel } from './classification';

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

/** A day, in ms. */
export const DAY_MS = 86_400_000;
