/**
 * Stores a run of outcomes (evaluated or pushed) and tells the owners about
 * the SLOs that changed: the alerts are stored with the run, then delivered at once; what
 * cannot be delivered now is retried by the delivery schedule.
 */
import type {
  ObservationStore,
  RecordedRun,
  RunInput,
} from '../database/ObservationStore';
import type { AlertedProduct, SloAlerts } from '../alerts/SloAlerts';

/** The objective of SLOs the contract does not declare (pushed checks). */
const UNDECLARED_OBJECTIVE = 0.99;

export class SloRecorder {
  constructor(
    private readonly store: ObservationStore,
    private readonly alerts: SloAlerts,
    /** Told after a run of a product was stored (e.g. to update the product index). */
    private readonly afterRecord?: (entityRef: string) => Promise<void>,
  ) {}

  async record(
    product: AlertedProduct,
    run: RunInput,
    options: { notify?: boolean } = {},
  ): Promise<RecordedRun> {
    const notify = options.notify !== false;
    const recorded = await this.store.recordRun(run, {
      alerts: notify
        ? transitions => this.alerts.alertsFor(product, transitions)
        : undefined,
    });
    if (notify && recorded.transitions.length > 0)
      await this.alerts.deliverNow(product.entityRef);
    if (recorded.stored > 0) await this.reassess(product);
    return recorded;
  }

  /** The values one SLO of the product kept since `since` (see `ObservationStore.series`). */
  series(entityRef: string, sloId: string, since: number) {
    return this.store.series(entityRef, sloId, since);
  }

  /**
   * Assesses the error budgets of the product's SLOs as of now and tells the index: after
   * every run, and for products nothing measured for a while, so a spent budget shows.
   */
  async reassess(product: Pick<AlertedProduct, 'entityRef' | 'slos'>) {
    const objectives = new Map(
      product.slos.map(s => [s.id, s.target.objective]),
    );
    await this.store.assess(
      product.entityRef,
      sloId => objectives.get(sloId) ?? UNDECLARED_OBJECTIVE,
    );
    await this.afterRecord?.(product.entityRef);
  }
}
