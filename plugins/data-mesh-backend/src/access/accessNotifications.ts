/**
 * What the people of an access request are told, through Backstage's notifications: the
 * owners when someone asks, the requester when the owners decide, the grantee when a grant
 * ends. Kept in the alert outbox with the change that raised it, so it is sent once.
 */
import type { OutboxAlert } from '../database/AlertOutbox';
import type { StoredGrant, StoredRequest } from '../database/AccessStore';
import { boundedKey, plainText } from '../alerts/alertText';

/** What a notification says about the product. */
export interface NotifiedProduct {
  entityRef: string;
  name: string;
  namespace: string;
  title?: string;
  owner?: string;
}

const TITLE = 200;
const DESCRIPTION = 500;

const day = (ms: number) =>
  new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function accessLink(product: NotifiedProduct): string {
  return `/catalog/${product.namespace}/component/${product.name}/access`;
}

function alert(
  product: NotifiedProduct,
  key: string,
  recipient: string,
  title: string,
  description: string,
  severity: 'normal' | 'high' | 'low',
  metadata: Record<string, string>,
): OutboxAlert {
  const topic = boundedKey(`data-mesh:access:${product.entityRef}`);
  return {
    entityRef: product.entityRef,
    sloId: boundedKey(`access:${key}`),
    kind: 'access',
    notification: {
      recipients: { type: 'entity', entityRef: recipient },
      payload: {
        title: plainText(title, TITLE),
        description: plainText(description, DESCRIPTION),
        link: accessLink(product),
        severity,
        topic,
        scope: boundedKey(`data-mesh:access:${key}:${recipient}`),
        metadata: { entityRef: product.entityRef, ...metadata },
      },
    },
  };
}

const nameOf = (product: NotifiedProduct) =>
  plainText(product.title ?? product.name, 100);

/** The owners learn of a new request (or of one approved by the product's own rule). */
export function requestAlerts(
  product: NotifiedProduct,
  request: StoredRequest,
  grant?: StoredGrant,
): OutboxAlert[] {
  const alerts: OutboxAlert[] = [];
  const who =
    request.principal === request.requester
      ? request.requester
      : `${request.requester} for ${request.principal}`;
  if (product.owner) {
    alerts.push(
      alert(
        product,
        request.id,
        product.owner,
        grant
          ? `${nameOf(product)}: read access approved automatically for ${who}`
          : `${nameOf(product)}: ${who} asks for read access`,
        `Purpose: ${request.purpose}${
          request.until ? ` Needed until ${day(request.until)} UTC.` : ''
        }${
          grant
            ? ` Until ${day(grant.expiresAt)} UTC.`
            : ' Decide on the Access tab.'
        }`,
        grant ? 'low' : 'normal',
        { requestId: request.id, event: grant ? 'auto-approved' : 'requested' },
      ),
    );
  }
  if (grant) alerts.push(decisionAlert(product, request, grant));
  return alerts;
}

function decisionAlert(
  product: NotifiedProduct,
  request: StoredRequest,
  grant?: StoredGrant,
): OutboxAlert {
  return alert(
    product,
    request.id,
    request.requester,
    grant
      ? `${nameOf(product)}: your read access is approved`
      : `${nameOf(product)}: your access request was refused`,
    grant
      ? `You read it until ${day(grant.expiresAt)} UTC.${
          request.note ? ` ${request.note}` : ''
        }`
      : `${request.decidedBy ?? 'The owners'}: ${request.note ?? ''}`,
    grant ? 'normal' : 'high',
    {
      requestId: request.id,
      event: grant ? 'approved' : 'refused',
    },
  );
}

/** The requester learns of the owners' decision. */
export function decisionAlerts(
  product: NotifiedProduct,
  request: StoredRequest,
  grant?: StoredGrant,
): OutboxAlert[] {
  return [decisionAlert(product, request, grant)];
}

/** The grantee learns that their grant ended. */
export function grantEndedAlerts(
  product: NotifiedProduct,
  grant: StoredGrant,
  note?: string,
): OutboxAlert[] {
  const expired = grant.state === 'expired';
  return [
    alert(
      product,
      grant.requestId ?? grant.id,
      grant.principal,
      expired
        ? `${nameOf(product)}: your read access ended`
        : `${nameOf(product)}: your read access was revoked`,
      expired
        ? `The grant ran until ${day(
            grant.expiresAt,
          )} UTC. Ask again on the Access tab if you still need the data.`
        : `Revoked by ${grant.endedBy ?? 'the owners'}${
            note ? `: ${note}` : '.'
          }`,
      'normal',
      { grantId: grant.id, event: grant.state },
    ),
  ];
}
