/**
 * Tells a product's owners when one of its SLOs starts failing or recovers, through
 * Backstage's notifications: once per transition, never on every evaluation.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { DataProduct } from '../products/DataProduct';
import type { StateTransition } from '../database/ObservationStore';

export class SloAlerts {
  constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly logger: LoggerService,
  ) {}

  async notify(
    product: DataProduct,
    transitions: StateTransition[],
  ): Promise<void> {
    if (transitions.length === 0) return;
    if (!product.owner) {
      this.logger.warn(
        `${product.entityRef} has no owner to tell about ${transitions.length} SLO change(s)`,
      );
      return;
    }
    for (const t of transitions) {
      const slo = product.slos.find(s => s.id === t.sloId);
      const name = slo?.name ?? t.sloId;
      const productName = product.title ?? product.name;
      const failing = t.transition === 'failing';
      const detail = failing
        ? [
            slo ? `Target: ${slo.target.text}.` : undefined,
            t.state.lastError ??
              (t.state.lastValue !== undefined
                ? `Measured ${t.state.lastValue}.`
                : undefined),
            `Failing since ${t.state.since}.`,
          ]
        : [`Passing again since ${t.state.since}.`];
      try {
        await this.notifications?.send({
          recipients: { type: 'entity', entityRef: product.owner },
          payload: {
            title: failing
              ? `${productName}: SLO "${name}" is failing`
              : `${productName}: SLO "${name}" recovered`,
            description: detail.filter(Boolean).join(' '),
            link: `/catalog/${product.namespace}/component/${product.name}`,
            severity: failing ? 'high' : 'normal',
            topic: `data-mesh:slo:${product.entityRef}:${t.sloId}`,
            scope: `data-mesh:slo:${product.entityRef}:${t.sloId}`,
            metadata: {
              entityRef: product.entityRef,
              sloId: t.sloId,
              transition: t.transition,
            },
          },
        });
      } catch (error) {
        this.logger.warn(
          `Could not notify ${product.owner} about ${product.entityRef} ${t.sloId}: ${error}`,
        );
      }
    }
  }
}
