import path from 'node:path';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  type OdcsContract,
  deriveSlos,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Knex } from 'knex';
import { ObservationStore } from '../database/ObservationStore';
import { ALERT_DELIVERY, AlertOutbox } from '../database/AlertOutbox';
import { SloRecorder } from '../evaluation/SloRecorder';
import { type AlertedProduct, SloAlerts, sloAlert } from './SloAlerts';

const databases = TestDatabases.create({
  ids: [
    'POSTGRES_18',
    'POSTGRES_17',
    'POSTGRES_16',
    'POSTGRES_15',
    'POSTGRES_14',
    'POSTGRES_13',
    'SQLITE_3',
  ],
  disableDocker: true,
});

const contract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'urn:test:orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      quality: [
        { id: 'enough-rows', metric: 'rowCount', mustBeGreaterThan: 5 },
      ],
    },
  ],
} as OdcsContract;

const product = (name: string): AlertedProduct => ({
  entityRef: `component:default/${name}`,
  name,
  namespace: 'default',
  title: 'Orders',
  owner: 'group:default/sales',
  slos: deriveSlos(contract).slos,
});

const SLO = 'quality:enough-rows';

/** A notifications service that fails while `down` is above zero, counting down. */
function notificationsService() {
  const sent: NotificationSendOptions[] = [];
  const service = {
    sent,
    down: 0,
    async send(options: NotificationSendOptions) {
      await new Promise(resolve => setImmediate(resolve));
      if (service.down > 0) {
        service.down -= 1;
        throw new Error('notifications are down');
      }
      sent.push(options);
    },
  };
  return service;
}

describe.each(databases.eachSupportedId())('SLO alerts on %p', databaseId => {
  let knex: Knex;
  let store: ObservationStore;
  let outbox: AlertOutbox;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({
      directory: path.resolve(__dirname, '../../migrations'),
    });
    store = new ObservationStore(knex);
    outbox = new AlertOutbox(knex);
  });

  function setup() {
    const notifications = notificationsService();
    const logger = mockServices.logger.mock();
    const alerts = new SloAlerts(
      notifications as unknown as NotificationService,
      logger,
      outbox,
    );
    return {
      notifications,
      logger,
      alerts,
      recorder: new SloRecorder(store, alerts),
    };
  }

  const outcome = (
    recorder: SloRecorder,
    p: AlertedProduct,
    runId: string,
    status: 'pass' | 'fail',
  ) =>
    recorder.record(p, {
      runId,
      entityRef: p.entityRef,
      source: 'push',
      finishedAt: Date.now(),
      observations: [
        {
          sloId: SLO,
          status,
          value: status === 'fail' ? 3 : 9,
          observedAt: Date.now(),
        },
      ],
    });

  it('delivers a breach alert the notifications service refused once, later, not never', async () => {
    const { notifications, alerts, recorder, logger } = setup();
    const p = product('retry-breach');
    notifications.down = 1;
    const recorded = await outcome(recorder, p, 'r1', 'fail');
    expect(recorded.transitions.map(t => t.transition)).toEqual(['failing']);
    expect(notifications.sent).toEqual([]);
    const [pending] = await outbox.alerts(p.entityRef);
    expect(pending).toMatchObject({
      kind: 'breach',
      attempts: 1,
      lastError: 'notifications are down',
    });
    expect(pending.deliveredAt).toBeUndefined();
    expect(pending.nextAttemptAt - Date.now()).toBeGreaterThan(
      ALERT_DELIVERY.firstRetryMs - 5_000,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('trying again at'),
    );

    // not due yet
    expect(await alerts.deliverPending()).toMatchObject({ delivered: 0 });
    const later = () => Date.now() + ALERT_DELIVERY.firstRetryMs + 1000;
    expect(await alerts.deliverPending({ now: later })).toMatchObject({
      delivered: 1,
      failed: 0,
    });
    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'Orders: SLO "rows in orders" is failing',
    ]);
    expect(notifications.sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/sales' },
      payload: { severity: 'high', metadata: { sloId: SLO } },
    });
    const [delivered] = await outbox.alerts(p.entityRef);
    expect(delivered.deliveredAt).toEqual(expect.any(Number));
    expect(await alerts.deliverPending({ now: later })).toMatchObject({
      delivered: 0,
    });
    expect(notifications.sent).toHaveLength(1);
  });

  it('delivers a recovery alert the same way, and never before the breach it ends', async () => {
    const { notifications, alerts, recorder } = setup();
    const p = product('retry-recovery');
    notifications.down = 1;
    await outcome(recorder, p, 'r1', 'fail');
    // the breach waits for its retry; the recovery comes meanwhile and waits behind it
    await outcome(recorder, p, 'r2', 'pass');
    expect(notifications.sent).toEqual([]);
    expect((await outbox.alerts(p.entityRef)).map(a => a.kind)).toEqual([
      'breach',
      'recovery',
    ]);

    notifications.down = 1;
    const later = () => Date.now() + ALERT_DELIVERY.firstRetryMs + 1000;
    // the breach fails a second time: the recovery still waits
    expect(await alerts.deliverPending({ now: later })).toMatchObject({
      delivered: 0,
      failed: 1,
    });
    const muchLater = () => Date.now() + ALERT_DELIVERY.maxRetryMs + 1000;
    await alerts.deliverPending({ now: muchLater });
    await alerts.deliverPending({ now: muchLater });
    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'Orders: SLO "rows in orders" is failing',
      'Orders: SLO "rows in orders" recovered',
    ]);
    expect(notifications.sent[1].payload.severity).toBe('normal');
  });

  it('gives up on an alert after the last attempt and says so', async () => {
    const { notifications, alerts, recorder, logger } = setup();
    const p = product('gives-up');
    notifications.down = Number.MAX_SAFE_INTEGER;
    await outcome(recorder, p, 'r1', 'fail');
    const start = Date.now();
    for (let i = 1; i < ALERT_DELIVERY.maxAttempts + 3; i++) {
      const clock = start + i * (ALERT_DELIVERY.maxRetryMs + 1000);
      await alerts.deliverPending({ now: () => clock });
    }
    const [alert] = await outbox.alerts(p.entityRef);
    expect(alert.attempts).toBe(ALERT_DELIVERY.maxAttempts);
    expect(alert.deliveredAt).toBeUndefined();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        `Gave up telling group:default/sales that ${p.entityRef} SLO ${SLO} is failing`,
      ),
    );
    expect(notifications.sent).toEqual([]);
  });

  it('sends each alert once when several replicas deliver at the same time', async () => {
    const { notifications, recorder } = setup();
    notifications.down = 1_000; // keep them in the outbox while they are raised
    const products = Array.from({ length: 12 }, (_, i) =>
      product(`replicas-${i}`),
    );
    for (const p of products) await outcome(recorder, p, 'r1', 'fail');
    notifications.down = 0;
    const replicas = Array.from(
      { length: 3 },
      () =>
        new SloAlerts(
          notifications as unknown as NotificationService,
          mockServices.logger.mock(),
          new AlertOutbox(knex),
        ),
    );
    const later = () => Date.now() + ALERT_DELIVERY.maxRetryMs + 1000;
    const summaries = await Promise.all(
      replicas.map(r => r.deliverPending({ now: later, limit: 5 })),
    );
    await Promise.all(replicas.map(r => r.deliverPending({ now: later })));
    const refs = notifications.sent.map(n => n.payload.metadata?.entityRef);
    expect([...refs].sort()).toEqual(products.map(p => p.entityRef).sort());
    expect(summaries.reduce((n, s) => n + s.delivered, 0)).toBeGreaterThan(0);
  });

  it("claims one product's alerts when asked, leaving the others to the schedule", async () => {
    const { notifications, recorder, alerts } = setup();
    notifications.down = 2;
    const [x, y] = [product('claim-x'), product('claim-y')];
    await outcome(recorder, x, 'r1', 'fail');
    await outcome(recorder, y, 'r1', 'fail');
    const later = () => Date.now() + ALERT_DELIVERY.maxRetryMs + 1000;
    expect(
      await alerts.deliverPending({ now: later, entityRef: y.entityRef }),
    ).toMatchObject({ delivered: 1 });
    expect(notifications.sent.map(n => n.payload.metadata?.entityRef)).toEqual([
      y.entityRef,
    ]);
    expect((await outbox.alerts(x.entityRef))[0].deliveredAt).toBeUndefined();
  });

  it('raises no alert for a product without an owner, and says why', async () => {
    const { notifications, recorder, logger } = setup();
    const p = { ...product('no-owner'), owner: undefined };
    await outcome(recorder, p, 'r1', 'fail');
    expect(await outbox.alerts(p.entityRef)).toEqual([]);
    expect(notifications.sent).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'component:default/no-owner has no owner to tell about 1 SLO change(s)',
    );
  });
});

describe('sloAlert', () => {
  const transition = (sloId: string, lastError?: string) => ({
    entityRef: 'component:default/orders',
    sloId,
    transition: 'failing' as const,
    state: {
      status: 'fail' as const,
      since: '2025-06-01T00:00:00.000Z',
      failing: true,
      lastError,
    },
  });

  it('keeps pushed text to one short plain line in the title and the description', () => {
    const sloId = `datacontract:Ledger deleted\u0007\r\n - call +1-555 \u202e${'x'.repeat(
      300,
    )}`;
    const alert = sloAlert(
      product('orders'),
      'group:default/sales',
      transition(sloId, `boom\u0000${'y'.repeat(3000)}`),
    );
    const { title, description, topic, scope } = alert.notification.payload;
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title).toMatch(
      /^Orders: SLO "datacontract:Ledger deleted - call \+1-555 x+…" is failing$/,
    );
    // eslint-disable-next-line no-control-regex
    expect(title).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(description!.length).toBeLessThanOrEqual(500);
    expect(description).toMatch(/^boom y+…$/);
    expect(topic!.length).toBeLessThanOrEqual(255);
    expect(scope).toBe(topic);
    // a different long id keeps a different topic
    const other = sloAlert(
      product('orders'),
      'group:default/sales',
      transition(`${sloId}z`),
    );
    expect(other.notification.payload.topic).not.toBe(topic);
    expect(alert.sloId).toBe(sloId);
  });

  it('names a declared SLO by its name and target', () => {
    const alert = sloAlert(
      product('orders'),
      'group:default/sales',
      transition(SLO),
    );
    expect(alert.notification.payload).toMatchObject({
      title: 'Orders: SLO "rows in orders" is failing',
      topic: `data-mesh:slo:component:default/orders:${SLO}`,
      // the SLOs tab, at this SLO
      link: '/catalog/default/component/orders/slos?slo=quality%3Aenough-rows',
    });
    expect(alert.notification.payload.description).toContain('Target:');
  });

  it('says the measured value in human units', () => {
    const stale: AlertedProduct = {
      ...product('orders'),
      slos: deriveSlos({
        ...contract,
        schema: [
          {
            name: 'orders',
            properties: [{ name: 'updated_at', logicalType: 'timestamp' }],
          },
        ],
        slaProperties: [{ property: 'freshness', value: 1, unit: 'd' }],
      } as OdcsContract).slos,
    };
    const alert = sloAlert(stale, 'group:default/sales', {
      ...transition('sla:freshness'),
      state: { ...transition('sla:freshness').state, lastValue: 251940.9 },
    });
    expect(alert.notification.payload.description).toBe(
      'Target: data at most 1 day old. Measured 2 days 21 hours. Failing since 2025-06-01 00:00 UTC.',
    );
  });

  it('takes the severity and condition the product file declares for the SLO', () => {
    const declared: AlertedProduct = {
      ...product('orders'),
      slos: deriveSlos({
        ...contract,
        schema: [
          {
            name: 'orders',
            properties: [{ name: 'updated_at', logicalType: 'timestamp' }],
          },
        ],
        slaProperties: [{ property: 'freshness', value: 1, unit: 'd' }],
        customProperties: [
          {
            property: 'observability',
            value: {
              alerts: [
                {
                  type: 'freshness',
                  condition: 'age_hours > 26',
                  severity: 'critical',
                },
              ],
            },
          },
        ],
      } as OdcsContract).slos,
    };
    const alert = sloAlert(declared, 'group:default/sales', {
      ...transition('sla:freshness'),
      state: { ...transition('sla:freshness').state, lastValue: 111600 },
    });
    expect(alert.notification.payload).toMatchObject({
      title: 'Orders: SLO "freshness" is failing (critical)',
      severity: 'critical',
      description:
        'Critical alert (age_hours > 26). Target: data at most 1 day old. Measured 1 day 7 hours. Failing since 2025-06-01 00:00 UTC.',
    });
    // a quality rule's own severity: a warning is normal
    const rule = sloAlert(
      {
        ...product('orders'),
        slos: deriveSlos({
          ...contract,
          schema: [
            {
              name: 'orders',
              quality: [
                {
                  id: 'enough-rows',
                  metric: 'rowCount',
                  mustBeGreaterThan: 5,
                  severity: 'warning',
                },
              ],
            },
          ],
        } as OdcsContract).slos,
      },
      'group:default/sales',
      transition(SLO),
    );
    expect(rule.notification.payload.severity).toBe('normal');
  });
});
