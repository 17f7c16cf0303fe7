/**
 * How often one caller may ask for SLO evaluations: at most `concurrent` running at once
 * and `perMinute` started in a minute, per user (or service subject). Evaluations of the
 * same product are also joined by the evaluator, so asking again for a product already
 * being evaluated costs nothing.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';

export interface EvaluationLimits {
  concurrent: number;
  perMinute: number;
}

export const DEFAULT_EVALUATION_LIMITS: EvaluationLimits = {
  concurrent: 2,
  perMinute: 20,
};

/** Why a request must wait, and for how many seconds. */
export interface Throttled {
  retryAfterSeconds: number;
  reason: string;
}

export class EvaluationLimiter {
  private readonly running = new Map<string, number>();
  private readonly started = new Map<string, number[]>();

  constructor(
    private readonly limits: EvaluationLimits = DEFAULT_EVALUATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller's key: the user ref, or the service's subject. */
  static keyOf(credentials: BackstageCredentials): string {
    const p = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    return p.userEntityRef ?? p.subject ?? 'unknown';
  }

  /**
   * Runs `task` for `key` when the limits allow, else answers why not. The count of
   * running evaluations is released when the task settles.
   */
  async run<T>(
    key: string,
    task: () => Promise<T>,
  ): Promise<{ result: T } | { throttled: Throttled }> {
    const now = this.now();
    const recent = (this.started.get(key) ?? []).filter(t => now - t < 60_000);
    if ((this.running.get(key) ?? 0) >= this.limits.concurrent) {
      return {
        throttled: {
          retryAfterSeconds: 5,
          reason: `${this.limits.concurrent} evaluations asked for by you are still running; wait for them`,
        },
      };
    }
    if (recent.length >= this.limits.perMinute) {
      return {
        throttled: {
          retryAfterSeconds: Math.max(
            1,
            Math.ceil((60_000 - (now - recent[0])) / 1000),
          ),
          reason: `you asked for ${this.limits.perMinute} evaluations in the last minute, the most one user may`,
        },
      };
    }
    recent.push(now);
    this.started.set(key, recent);
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    try {
      return { result: await task() };
    } finally {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    }
  }
}
