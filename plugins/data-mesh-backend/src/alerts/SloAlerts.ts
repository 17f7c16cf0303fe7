/**
 * Tells a product's owners when one of its SLOs starts failing or recovers, through
 * Backstage's notifications: once per transition, never on every evaluation. The alert is
 * kept in the outbox with the transition and delivered from there, retried until the
 * notifications service takes it.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { DataProduct } from '../products/DataProduct';
import type { StateTransition } from '../database/ObservationStore';
import {
  ALERT_DELIVERY,
  type AlertOutbox,
  type OutboxAlert,
} from '../database/AlertOutbox';
import { sloChangeNotice } from '@backstage-data-mesh/plugin-data-mesh-common';
import { boundedKey, plainText } from './alertText';

const NAME_LENGTH = 100;
const TITLE_LENGTH = 200;
const DESCRIPTION_LENGTH = 500;

/** What one delivery round did. */
export interface AlertDeliverySummary {
  delivered: number;
  failed: number;
  gaveUp: number;
}

/** What an alert says about the product. */
export type AlertedProduct = Pick<
  DataProduct,
  'entityRef' | 'name' | 'namespace' | 'title' | 'owner' | 'slos'
>;

/**
 * Where an alert leads: the product's SLOs tab, scrolled to the SLO it speaks of
 * (`?slo=<id>`, which the tab highlights).
 */
export function sloLink(
  product: Pick<AlertedProduct, 'namespace' | 'name'>,
  sloId: string,
): string {
  const path = [product.namespace, 'component', product.name]
    .map(encodeURIComponent)
    .join('/');
  return `/catalog/${path}/slos?${new URLSearchParams({ slo: sloId })}`;
}

/** The alert telling a product's owners about one transition of an SLO. */
export function sloAlert(
  product: AlertedProduct,
  owner: string,
  t: StateTransition,
): OutboxAlert {
  const slo = product.slos.find(s => s.id === t.sloId);
  const name = plainText(slo?.name ?? t.sloId, NAME_LENGTH);
  const productName = plainText(product.title ?? product.name, NAME_LENGTH);
  const failing = t.transition === 'failing';
  const notice = sloChangeNotice(t, slo, { product: productName, slo: name });
  const key = boundedKey(`data-mesh:slo:${product.entityRef}:${t.sloId}`);
  return {
    entityRef: product.entityRef,
    sloId: t.sloId,
    kind: failing ? 'breach' : 'recovery',
    notification: {
      recipients: { type: 'entity', entityRef: owner },
      payload: {
        title: plainText(notice.title, TITLE_LENGTH),
        description: plainText(notice.description, DESCRIPTION_LENGTH),
        link: sloLink(product, t.sloId),
        severity: notice.severity,
        topic: key,
        scope: key,
        metadata: {
          entityRef: product.entityRef,
          sloId: t.sloId,
          transition: t.transition,
        },
      },
    },
  };
}

/** What an alert says, for the log. */
function alertSubject(alert: OutboxAlert): string {
  if (alert.kind === 'breach' || alert.kind === 'recovery')
    return `${alert.entityRef} SLO ${alert.sloId} ${
      alert.kind === 'breach' ? 'is failing' : 'recovered'
    }`;
  const title = alert.notification.payload.title;
  return `${alert.entityRef}: ${title}`;
}

export class SloAlerts {
  constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly logger: LoggerService,
    private readonly outbox: AlertOutbox,
  ) {}

  /**
   * The alerts to keep with a run's transitions: none without a notifications service,
   * none (and a warning) for a product without an owner.
   */
  alertsFor(
    product: AlertedProduct,
    transitions: StateTransition[],
  ): OutboxAlert[] {
    if (transitions.length === 0 || !this.notifications) return [];
    if (!product.owner) {
      this.logger.warn(
        `${product.entityRef} has no owner to tell about ${transitions.length} SLO change(s)`,
      );
      return [];
    }
    const owner = product.owner;
    return transitions.map(t => sloAlert(product, owner, t));
  }

  /**
   * Delivers the product's alerts that are due, right after one of its runs was stored;
   * never fails the run: what is not delivered stays in the outbox for the delivery schedule.
   */
  async deliverNow(entityRef: string): Promise<void> {
    try {
      await this.deliverPending({ entityRef });
    } catch (error) {
      this.logger.warn(`Alerts wait for the next delivery round: ${error}`);
    }
  }

  /**
   * Sends the alerts that are due, each through the notifications service, and records the
   * outcome: delivered, or tried again later. Safe to run on several replicas at once.
   */
  async deliverPending(
    options: { now?: () => number; limit?: number; entityRef?: string } = {},
  ): Promise<AlertDeliverySummary> {
    const summary: AlertDeliverySummary = {
      delivered: 0,
      failed: 0,
      gaveUp: 0,
    };
    if (!this.notifications) return summary;
    const now = options.now ?? Date.now;
    const claimed = await this.outbox.claim({
      now: now(),
      limit: options.limit,
      entityRef: options.entityRef,
    });
    for (const alert of claimed) {
      try {
        await this.notifications.send(alert.notification);
        await this.outbox.delivered(alert, now());
        summary.delivered += 1;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const { gaveUp, nextAttemptAt } = await this.outbox.failed(
          alert,
          reason,
          now(),
        );
        summary.failed += 1;
        if (gaveUp) {
          summary.gaveUp += 1;
          this.logger.error(
            `Gave up telling ${
              alert.notification.recipients.type === 'entity'
                ? alert.notification.recipients.entityRef
                : 'the owners'
            } that ${alertSubject(alert)}: ${
              ALERT_DELIVERY.maxAttempts
            } deliveries failed, the last with: ${reason}`,
          );
        } else {
          this.logger.warn(
            `Could not deliver the ${
              alert.kind
            } notification that ${alertSubject(alert)} (attempt ${
              alert.attempts
            } of ${
              ALERT_DELIVERY.maxAttempts
            }): ${reason}; trying again at ${new Date(
              nextAttemptAt,
            ).toISOString()}`,
          );
        }
      }
    }
    return summary;
  }
}
