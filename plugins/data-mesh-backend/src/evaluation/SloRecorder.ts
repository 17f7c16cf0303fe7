/**
 * Stores a run of outcomes (evaluated, pushed or backfilled) and tells the owners about
 * the SLOs that changed.
 */
import type {
  ObservationStore,
  RecordedRun,
  RunInput,
} from '../database/ObservationStore';
import type { SloAlerts } from '../alerts/SloAlerts';
import type { DataProduct } from '../products/DataProduct';

export class SloRecorder {
  constructor(
    private readonly store: ObservationStore,
    private readonly alerts: SloAlerts,
  ) {}

  async record(
    product: DataProduct,
    run: RunInput,
    options: { notify?: boolean } = {},
  ): Promise<RecordedRun> {
    const recorded = await this.store.recordRun(run);
    if (options.notify !== false)
      await this.alerts.notify(product, recorded.transitions);
    return recorded;
  }
}
