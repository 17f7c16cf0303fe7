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
    if (recorded.stored > 0) await this.afterRecord?.(product.entityRef);
    return recorded;
  }
}
