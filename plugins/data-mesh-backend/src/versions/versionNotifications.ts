/**
 * What the consumers of a breaking version are told (each consumer's owners, with what
 * breaks for that consumer), and what its producer hears when they answer.
 */
import type {
  ConsumerAcknowledgement,
  GateConsumer,
  OdcsContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { OutboxAlert } from '../database/AlertOutbox';
import type { StoredVersion } from '../database/VersionStore';
import { boundedKey, plainText } from '../alerts/alertText';

interface NotifiedProduct {
  entityRef: string;
  name: string;
  namespace: string;
  title?: string;
  owner?: string;
}

const nameOf = (product: NotifiedProduct) =>
  plainText(product.title ?? product.name, 100);

const versionsLink = (product: NotifiedProduct, id: string) =>
  `/catalog/${product.namespace}/component/${
    product.name
  }/contract?version=${encodeURIComponent(id)}`;

/** One notification per owner of each hit consumer, saying what breaks for it. */
export function breakingVersionAlerts(
  product: NotifiedProduct,
  contract: OdcsContract,
  id: string,
  hit: readonly GateConsumer[],
): OutboxAlert[] {
  const version = contract.version ? ` ${String(contract.version)}` : '';
  const alerts: OutboxAlert[] = [];
  for (const consumer of hit) {
    const what = consumer.changes
      .slice(0, 3)
      .map(c => c.message)
      .join(' ');
    const more =
      consumer.changes.length > 3
        ? ` (and ${consumer.changes.length - 3} more)`
        : '';
    for (const owner of consumer.owners) {
      const key = boundedKey(
        `data-mesh:version:${product.entityRef}:${id}:${consumer.ref}`,
      );
      alerts.push({
        entityRef: product.entityRef,
        sloId: boundedKey(`version:${id}`),
        kind: 'breaking',
        notification: {
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: plainText(
              `${nameOf(product)}${version} breaks what ${
                consumer.ref
              } reads: acknowledge it`,
              200,
            ),
            description: plainText(`${what}${more}`, 500),
            link: versionsLink(product, id),
            severity: 'high',
            topic: boundedKey(`data-mesh:version:${product.entityRef}`),
            scope: key,
            metadata: {
              entityRef: product.entityRef,
              versionId: id,
              consumer: consumer.ref,
              event: 'breaking-change',
            },
          },
        },
      });
    }
  }
  return alerts;
}

/** The producer's owners hear a consumer's answer. */
export function acknowledgedAlert(
  product: NotifiedProduct,
  version: StoredVersion,
  ack: ConsumerAcknowledgement,
): OutboxAlert[] {
  if (!product.owner) return [];
  const label = version.version ? ` ${version.version}` : '';
  return [
    {
      entityRef: product.entityRef,
      sloId: boundedKey(`version:${version.id}`),
      kind: 'breaking',
      notification: {
        recipients: { type: 'entity', entityRef: product.owner },
        payload: {
          title: plainText(
            ack.decision === 'acknowledged'
              ? `${nameOf(product)}${label}: ${
                  ack.consumer
                } is ready for the change`
              : `${nameOf(product)}${label}: ${
                  ack.consumer
                } asks for more time`,
            200,
          ),
          description: plainText(
            `${ack.by}${ack.until ? `, until ${ack.until.slice(0, 10)}` : ''}${
              ack.note ? `: ${ack.note}` : ''
            }`,
            500,
          ),
          link: versionsLink(product, version.id),
          severity: ack.decision === 'acknowledged' ? 'low' : 'normal',
          topic: boundedKey(`data-mesh:version:${product.entityRef}`),
          metadata: {
            entityRef: product.entityRef,
            versionId: version.id,
            consumer: ack.consumer,
            event: ack.decision,
          },
        },
      },
    },
  ];
}
