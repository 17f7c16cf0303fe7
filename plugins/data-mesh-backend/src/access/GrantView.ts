/**
 * The grants that hold, kept in memory so the access gate asks nothing of the database per
 * product: read again every `refreshMillis` (and at once after a change on this replica).
 * A grant counts only before its end, to the millisecond, whenever the view was read; a
 * revocation on another replica reaches this one within `refreshMillis`.
 */
import { holdingGrants } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AccessStore, StoredGrant } from '../database/AccessStore';
import type { GrantLookup } from './ProductAccessGate';

/** Default: how often other replicas' grants and revocations are read. */
export const GRANT_REFRESH_MILLIS = 5_000;

export class GrantView {
  private byProduct = new Map<string, StoredGrant[]>();
  private timer?: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly store: AccessStore,
    private readonly options: {
      logger: LoggerService;
      refreshMillis?: number;
      now?: () => number;
    },
  ) {}

  /** The users and groups holding a read grant on a product now. */
  readonly lookup: GrantLookup = entityRef => {
    const now = (this.options.now ?? Date.now)();
    return holdingGrants(
      this.byProduct.get(entityRef.toLocaleLowerCase('en-US')) ?? [],
      now,
    ).map(g => g.principal);
  };

  /**
   * Reads the active grants again: one read at a time, each begun after the call, so a
   * change this replica just made is in the view once the promise resolves.
   */
  refresh(): Promise<void> {
    this.pending += 1;
    const next = this.queue
      .catch(() => undefined)
      .then(() => this.load())
      .finally(() => {
        this.pending -= 1;
      });
    this.queue = next;
    return next;
  }

  private async load() {
    const grants = await this.store.activeGrants(
      (this.options.now ?? Date.now)(),
    );
    const byProduct = new Map<string, StoredGrant[]>();
    for (const grant of grants) {
      const ref = grant.entityRef.toLocaleLowerCase('en-US');
      byProduct.set(ref, [...(byProduct.get(ref) ?? []), grant]);
    }
    this.byProduct = byProduct;
  }

  /** Reads now, then every `refreshMillis` until {@link GrantView.stop}. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      if (this.pending > 0) return;
      this.refresh().catch(error =>
        this.options.logger.warn(`Could not read the access grants: ${error}`),
      );
    }, this.options.refreshMillis ?? GRANT_REFRESH_MILLIS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
