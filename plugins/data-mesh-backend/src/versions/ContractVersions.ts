/**
 * The versions of each product's contract: every contract the catalog served (noticed when
 * its hash changes), every version a producer announced before publishing it, and the
 * versions the current contract's changelog names. A version that breaks consumers (by
 * `diffContracts`) tells each consumer it hits what breaks for it, once, and waits at the
 * breaking-change gate until they acknowledge or the deprecation period runs out. How the
 * stored versions are ordered, compared and shown is in `versionHistory.ts`.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type BreakingChangeGate,
  type ConsumerAcknowledgement,
  type ContractDiff,
  type OdcsContract,
  type ProductConsumer,
  breakingChangeGateOf,
  diffContracts,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ContractVersionView } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { StoredVersion, VersionStore } from '../database/VersionStore';
import type { OutboxAlert } from '../database/AlertOutbox';
import type { DataProduct, ProductCatalog } from '../products/DataProduct';
import type { ProductConsumers } from './ProductConsumers';
import {
  acknowledgedAlert,
  breakingVersionAlerts,
} from './versionNotifications';
import {
  type PlacedVersion,
  placeOf,
  placeVersions,
  versionGate,
  versionId,
  versionNumber,
  versionView,
  withChangelog,
} from './versionHistory';

export { versionId };

/** What the versions of one product look like to one caller. */
export interface VersionsView {
  items: ContractVersionView[];
}

export class ContractVersions {
  constructor(
    private readonly options: {
      store: VersionStore;
      products: ProductCatalog;
      consumers: ProductConsumers;
      logger: LoggerService;
      notify: boolean;
      deliver?: (entityRef: string) => Promise<void>;
      deprecationDays?: number;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  /**
   * Products changed (or, `initial`, the backend started): their current contracts are
   * versions the catalog serves. A new one that breaks its consumers tells them, unless it
   * is the first version the portal sees of a product, or it was announced (then they were
   * told when it was).
   */
  async noticed(change: {
    initial: boolean;
    changed: readonly DataProduct[];
  }): Promise<void> {
    const products = change.changed.filter(p => p.contract);
    const known = await this.options.store.known(
      products.map(p => p.entityRef),
    );
    const unseen = products.filter(
      p => !known.get(p.entityRef)?.get(versionId(p.contract!))?.published,
    );
    if (change.initial) {
      const fresh = unseen.filter(
        p => !known.get(p.entityRef)?.has(versionId(p.contract!)),
      );
      await this.options.store.publishedMany(
        fresh.map(product => ({
          entityRef: product.entityRef,
          id: versionId(product.contract!),
          version: versionNumber(product.contract!),
          contract: product.contract!,
        })),
        this.now(),
      );
      // Announced versions the catalog now serves.
      for (const product of unseen.filter(p => !fresh.includes(p)))
        await this.options.store.published(
          {
            entityRef: product.entityRef,
            id: versionId(product.contract!),
            contract: product.contract!,
          },
          { now: this.now(), alerts: () => [] },
        );
      return;
    }
    for (const product of unseen) {
      const id = versionId(product.contract!);
      const ids = known.get(product.entityRef);
      let alerts: OutboxAlert[] = [];
      if (ids && ids.size > 0 && !ids.has(id)) {
        alerts = await this.alertsFor(product, product.contract!);
      }
      const outcome = await this.options.store.published(
        {
          entityRef: product.entityRef,
          id,
          version: versionNumber(product.contract!),
          contract: product.contract!,
        },
        { now: this.now(), alerts: () => alerts },
      );
      if (outcome === 'new' && alerts.length)
        await this.options.deliver?.(product.entityRef);
    }
  }

  /** The notifications of a new version, when it breaks consumers. */
  private async alertsFor(
    product: DataProduct,
    contract: OdcsContract,
    previous?: OdcsContract,
  ): Promise<OutboxAlert[]> {
    if (!this.options.notify) return [];
    const before = previous ?? (await this.latestPublished(product))?.contract;
    if (!before) return [];
    const diff = diffContracts(before, contract);
    if (!diff.changes.some(c => c.severity === 'breaking')) return [];
    // The consumers the version's gate waits for: those it hits.
    const gate = breakingChangeGateOf({
      entityRef: product.entityRef,
      diff,
      consumers: await this.options.consumers.of(product),
      acknowledgements: [],
      announcedAt: this.now(),
      deprecationDays: this.options.deprecationDays,
      now: this.now(),
    });
    return breakingVersionAlerts(
      product,
      contract,
      versionId(contract),
      gate.consumers,
    );
  }

  private async latestPublished(
    product: DataProduct,
  ): Promise<StoredVersion | undefined> {
    const stored = await this.options.store.versions(product.entityRef);
    return stored
      .filter(v => v.publishedAt !== undefined)
      .sort((a, b) => placeOf(b) - placeOf(a))[0];
  }

  /**
   * A producer announces a version before publishing it (or records one published earlier,
   * with `publishedAt`); its consumers hear of what breaks for them. Answers the version's
   * view and whether it was new.
   */
  async announce(
    product: DataProduct,
    contract: OdcsContract,
    by: string,
    publishedAt?: number,
  ): Promise<{ created: boolean; id: string }> {
    const id = versionId(contract);
    const now = this.now();
    const alerts =
      publishedAt === undefined ? await this.alertsFor(product, contract) : [];
    const created = await this.options.store.announced(
      {
        entityRef: product.entityRef,
        id,
        version: versionNumber(contract),
        contract,
        announcedAt: publishedAt ?? now,
        announcedBy: by,
        publishedAt,
      },
      { now, alerts: () => alerts },
    );
    if (created && alerts.length)
      await this.options.deliver?.(product.entityRef);
    return { created, id };
  }

  /** The stored versions in order of publication, each with its predecessor and diff. */
  private async placed(
    product: DataProduct,
    redact: boolean,
  ): Promise<PlacedVersion[]> {
    return placeVersions(
      await this.options.store.versions(product.entityRef),
      product.contract,
      redact,
    );
  }

  private gateOf(
    product: DataProduct,
    placed: PlacedVersion,
    consumers: ProductConsumer[],
    acks: Map<string, ConsumerAcknowledgement[]>,
  ): BreakingChangeGate | undefined {
    return versionGate(product.entityRef, placed, consumers, acks, {
      deprecationDays: this.options.deprecationDays,
      now: () => this.now(),
    });
  }

  /** Every version of the product, newest first, with the gate of each breaking one. */
  async list(product: DataProduct, redact: boolean): Promise<VersionsView> {
    const placed = await this.placed(product, redact);
    const [consumers, acks] = await Promise.all([
      this.options.consumers.of(product),
      this.options.store.acknowledgements(product.entityRef),
    ]);
    const currentId = product.contract
      ? versionId(product.contract)
      : undefined;
    const items: ContractVersionView[] = placed.map(p =>
      versionView(p, currentId, this.gateOf(product, p, consumers, acks)),
    );
    withChangelog(items, product.contract);
    return { items };
  }

  /** The diff between two stored versions (ids or version numbers). */
  async diff(
    product: DataProduct,
    from: string,
    to: string,
    redact: boolean,
  ): Promise<
    | { from: ContractVersionView; to: ContractVersionView; diff: ContractDiff }
    | { missing: string }
  > {
    const { items } = await this.list(product, redact);
    const placed = await this.placed(product, redact);
    const find = (key: string) =>
      items.find(i => i.comparable && (i.id === key || i.version === key));
    const a = find(from);
    const b = find(to);
    if (!a || !b) return { missing: !a ? from : to };
    const contractOf = (id: string) =>
      placed.find(p => p.stored.id === id)!.stored.contract;
    return {
      from: a,
      to: b,
      diff: diffContracts(contractOf(a.id), contractOf(b.id)),
    };
  }

  /**
   * What a new contract would break and for whom, with the gate it would wait at (its
   * acknowledgements if it was announced already).
   */
  async impact(
    product: DataProduct,
    contract: OdcsContract,
  ): Promise<{
    diff: ContractDiff;
    gate: BreakingChangeGate;
    version?: ContractVersionView;
  }> {
    const id = versionId(contract);
    const { items } = await this.list(product, false);
    const version = items.find(i => i.id === id);
    const diff = diffContracts(product.contract, contract);
    const consumers = diff.changes.some(c => c.severity === 'breaking')
      ? await this.options.consumers.of(product)
      : [];
    const acks = (
      await this.options.store.acknowledgements(product.entityRef)
    ).get(id);
    const stored = await this.options.store.version(product.entityRef, id);
    const gate = breakingChangeGateOf({
      entityRef: product.entityRef,
      diff,
      consumers,
      acknowledgements: acks ?? [],
      announcedAt: stored?.announcedAt ?? this.now(),
      deprecationDays: this.options.deprecationDays,
      now: this.now(),
    });
    return version ? { diff, gate, version } : { diff, gate };
  }

  /**
   * The gate of the version the catalog serves now, when it broke its consumers: what the
   * governance policies read as `gate`.
   */
  async currentGate(
    product: DataProduct,
  ): Promise<BreakingChangeGate | undefined> {
    if (!product.contract) return undefined;
    const id = versionId(product.contract);
    const placed = (await this.placed(product, false)).find(
      p => p.stored.id === id,
    );
    if (!placed) return undefined;
    const [consumers, acks] = await Promise.all([
      this.options.consumers.of(product),
      this.options.store.acknowledgements(product.entityRef),
    ]);
    return this.gateOf(product, placed, consumers, acks);
  }

  /** A stored version, by id or version number. */
  async find(
    product: DataProduct,
    key: string,
  ): Promise<StoredVersion | undefined> {
    const stored = await this.options.store.versions(product.entityRef);
    return (
      stored.find(v => v.id === key) ?? stored.find(v => v.version === key)
    );
  }

  /** A hit consumer's owner answers a breaking version; the producer's owners are told. */
  async acknowledge(
    product: DataProduct,
    version: StoredVersion,
    ack: ConsumerAcknowledgement,
  ): Promise<void> {
    await this.options.store.acknowledge(product.entityRef, version.id, ack, {
      alerts: this.options.notify
        ? acknowledgedAlert(product, version, ack)
        : [],
    });
    await this.options.deliver?.(product.entityRef);
  }
}
