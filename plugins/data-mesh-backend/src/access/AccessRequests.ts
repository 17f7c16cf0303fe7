/**
 * Access requests from asking to expiry: a request is stored (and approved at once when the
 * product's own rule and the platform allow it), the owners decide, grants are applied on
 * the platforms that hold the data, and end by themselves. Every step is in the audit trail
 * and told to whom it concerns, once, whichever replica does it.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type AccessRequest,
  type AccessRequestSettings,
  type ReadAccessDecision,
  DEFAULT_ACCESS_REQUEST_SETTINGS,
  holdingGrants,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { AccessGrantPlatformView } from '@backstage-data-mesh/plugin-data-mesh-client';
import type {
  GrantOnPlatform,
  GrantPlatform,
  GrantPlatformOutcome,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import type {
  AccessStore,
  StoredGrant,
  StoredRequest,
} from '../database/AccessStore';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import type { GrantView } from './GrantView';
import {
  decisionAlerts,
  grantEndedAlerts,
  requestAlerts,
} from './accessNotifications';

/** Whether notifications are sent at all (a notifications service is installed). */
export interface AccessRequestsOptions {
  store: AccessStore;
  products: ProductCatalog;
  grants: GrantView;
  platforms: () => readonly GrantPlatform[];
  logger: LoggerService;
  settings?: AccessRequestSettings;
  notify: boolean;
  /** Sends the notifications of a product that wait in the outbox (never throws). */
  deliver?: (entityRef: string) => Promise<void>;
  now?: () => number;
}

/** What one round of expiries and retries did. */
export interface AccessRoundSummary {
  expired: number;
  retried: number;
}

function grantOnPlatform(
  grant: StoredGrant,
  product: DataProduct,
): GrantOnPlatform {
  return {
    grantId: grant.id,
    entityRef: grant.entityRef,
    outputPort: grant.outputPort,
    principal: grant.principal,
    expiresAt: grant.expiresAt,
    product: {
      entityRef: product.entityRef.toLocaleLowerCase('en-US'),
      name: product.name,
      namespace: product.namespace,
      owner: product.owner,
      domain: product.domain,
      contract: product.contract,
    },
  };
}

export class AccessRequests {
  readonly settings: AccessRequestSettings;

  constructor(private readonly options: AccessRequestsOptions) {
    this.settings = options.settings ?? DEFAULT_ACCESS_REQUEST_SETTINGS;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * Stores a request; when the product approves it by itself, the grant too (applied on the
   * platforms before this returns).
   */
  async request(
    input: AccessRequest,
    requester: { user: string; claims: readonly string[] },
    product: DataProduct,
  ): Promise<{ request: StoredRequest; grant?: StoredGrant }> {
    const now = this.now();
    const auto = input.autoApproval(product, requester.claims, {
      now,
      settings: this.settings,
    });
    const created = await this.options.store.createRequest(
      {
        entityRef: product.entityRef,
        outputPort: input.outputPort,
        requester: requester.user,
        principal: input.principal,
        purpose: input.purpose,
        until: input.until,
      },
      {
        now,
        auto: auto.approved
          ? { expiresAt: auto.expiresAt, reason: auto.reason }
          : undefined,
        alerts: (request, grant) =>
          this.options.notify ? requestAlerts(product, request, grant) : [],
      },
    );
    if (created.grant) {
      created.grant = await this.granted(created.grant, product);
    }
    await this.options.deliver?.(product.entityRef);
    return created;
  }

  /** An owner's decision; undefined when the request is not pending (any more). */
  async decide(
    request: StoredRequest,
    decision: ReadAccessDecision,
    by: string,
    product: DataProduct,
  ): Promise<{ request: StoredRequest; grant?: StoredGrant } | undefined> {
    const decided = await this.options.store.decide(request.id, decision, {
      by,
      now: this.now(),
      alerts: (r, grant) =>
        this.options.notify ? decisionAlerts(product, r, grant) : [],
    });
    if (decided?.grant) {
      decided.grant = await this.granted(decided.grant, product);
    }
    if (decided) await this.options.deliver?.(product.entityRef);
    return decided;
  }

  /** An owner revokes a grant; undefined when it is not active (any more). */
  async revoke(
    grant: StoredGrant,
    by: string,
    product: DataProduct,
    note?: string,
  ): Promise<StoredGrant | undefined> {
    return this.end(grant, 'revoked', by, product, note);
  }

  private async end(
    grant: StoredGrant,
    state: 'revoked' | 'expired',
    by: string,
    product: DataProduct | undefined,
    note?: string,
  ): Promise<StoredGrant | undefined> {
    const notified = product ?? {
      entityRef: grant.entityRef,
      name: grant.entityRef.replace(/^.*\//, ''),
      namespace: grant.entityRef.replace(/^[^:]*:/, '').replace(/\/.*$/, ''),
    };
    const ended = await this.options.store.endGrant(grant.id, {
      state,
      by,
      now: this.now(),
      note,
      alerts: g =>
        this.options.notify ? grantEndedAlerts(notified, g, note) : [],
    });
    if (!ended) return undefined;
    await this.options.grants.refresh();
    await this.options.deliver?.(grant.entityRef);
    if (product) return this.removed(ended, product);
    return ended;
  }

  /**
   * Ends the grants whose time is up and applies again the grants a platform failed to
   * take. Safe on several replicas at once: each grant ends once.
   */
  async runDue(): Promise<AccessRoundSummary> {
    const summary: AccessRoundSummary = { expired: 0, retried: 0 };
    for (;;) {
      const due = await this.options.store.dueGrants(this.now());
      if (due.length === 0) break;
      let ended = 0;
      for (const grant of due) {
        const product = await this.options.products.getProduct(grant.entityRef);
        if (await this.end(grant, 'expired', 'system', product)) {
          ended += 1;
          summary.expired += 1;
        }
      }
      if (ended === 0) break;
    }
    for (const grant of await this.options.store.grantsToRetry(this.now())) {
      const product = await this.options.products.getProduct(grant.entityRef);
      if (!product) continue;
      await this.granted(grant, product, true);
      summary.retried += 1;
    }
    return summary;
  }

  /** Applies a new grant on every platform and records the outcomes. */
  private async granted(
    grant: StoredGrant,
    product: DataProduct,
    retry = false,
  ): Promise<StoredGrant> {
    await this.options.grants.refresh();
    const target = grantOnPlatform(grant, product);
    const kept = retry
      ? grant.platforms.filter(p => p.state === 'applied')
      : [];
    const outcomes: GrantPlatformOutcome[] = [];
    for (const platform of this.options.platforms()) {
      if (retry && kept.some(p => p.platform.startsWith(platform.id))) continue;
      outcomes.push(
        ...(await this.safely(platform, 'apply', () => platform.apply(target))),
      );
    }
    return this.recordOutcomes(grant, [...kept, ...outcomes], outcomes);
  }

  /** Removes an ended grant from every platform, keeping what other grants need. */
  private async removed(
    grant: StoredGrant,
    product: DataProduct,
  ): Promise<StoredGrant> {
    const target = grantOnPlatform(grant, product);
    const stillActive = holdingGrants(
      await this.options.store.grants({
        entityRefs: [grant.entityRef],
        state: 'active',
      }),
      this.now(),
    )
      .filter(g => g.id !== grant.id)
      .map(g => grantOnPlatform(g, product));
    const outcomes: GrantPlatformOutcome[] = [];
    for (const platform of this.options.platforms()) {
      outcomes.push(
        ...(await this.safely(platform, 'remove', () =>
          platform.remove(target, { stillActive }),
        )),
      );
    }
    const untouched = grant.platforms.filter(
      p =>
        !outcomes.some(
          o => o.platform === p.platform && o.account === p.account,
        ),
    );
    return this.recordOutcomes(grant, [...untouched, ...outcomes], outcomes);
  }

  private async safely(
    platform: GrantPlatform,
    what: 'apply' | 'remove',
    run: () => Promise<GrantPlatformOutcome[]>,
  ): Promise<GrantPlatformOutcome[]> {
    try {
      return await run();
    } catch (error) {
      this.options.logger.warn(
        `Grant platform ${platform.id} failed to ${what} a grant: ${error}`,
      );
      return [
        {
          platform: platform.id,
          state: what === 'apply' ? 'failed' : 'remove-failed',
          error: `the platform ${platform.id} failed; see the backend log`,
        },
      ];
    }
  }

  private async recordOutcomes(
    grant: StoredGrant,
    platforms: AccessGrantPlatformView[],
    outcomes: GrantPlatformOutcome[],
  ): Promise<StoredGrant> {
    if (outcomes.length === 0) return grant;
    await this.options.store.setPlatforms(grant.id, platforms);
    // A retry that fails as before is not written again.
    const news = outcomes.filter(
      o =>
        !grant.platforms.some(
          p =>
            p.platform === o.platform &&
            p.account === o.account &&
            p.state === o.state &&
            p.error === o.error,
        ),
    );
    const action = (o: GrantPlatformOutcome) =>
      ((
        {
          applied: 'applied',
          failed: 'apply-failed',
          removed: 'unapplied',
          'remove-failed': 'unapply-failed',
        } as const
      )[o.state]);
    await this.options.store.record(
      news.map(o => ({
        entityRef: grant.entityRef,
        actor: 'system',
        action: action(o),
        requestId: grant.requestId,
        grantId: grant.id,
        principal: grant.principal,
        detail: `${o.platform}${o.account ? ` (${o.account})` : ''}${
          o.error ? `: ${o.error}` : ''
        }`,
      })),
      this.now(),
    );
    return { ...grant, platforms };
  }
}
