import type { OdcsContract } from '../odcs/model';
import { deriveSlos } from '../slo/deriveSlos';
import { nextSloState } from '../slo/transitions';
import {
  alertingOf,
  describeAlert,
  notificationSeverity,
  sloChangeNotice,
} from './alerts';

const HOUR = 3600;

/** The design notes' product: freshness of 24 hours, a quality rule, and their alerts. */
const contract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'urn:test:orders',
  version: '1.0.0',
  status: 'active',
  servers: [{ server: 'local', type: 'local', path: 'orders/*.csv' }],
  slaProperties: [
    {
      property: 'freshness',
      value: 24,
      unit: 'h',
      element: 'orders.updated_at',
    },
  ],
  schema: [
    {
      name: 'orders',
      quality: [
        {
          id: 'enough-rows',
          metric: 'rowCount',
          mustBeGreaterThan: 5,
          severity: 'error',
        },
        { id: 'no-refunds', type: 'sql', query: 'SELECT 0', mustBe: 0 },
      ],
      properties: [
        { name: 'order_id', logicalType: 'string' },
        { name: 'updated_at', logicalType: 'timestamp' },
      ],
    },
  ],
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
          {
            type: 'volume',
            condition: 'row_count_change > 50%',
            severity: 'warning',
          },
        ],
      },
    },
  ],
} as unknown as OdcsContract;

const { slos } = deriveSlos(contract);
const byId = (id: string) => slos.find(s => s.id === id)!;

describe('the alerts an SLO answers to', () => {
  it("gives each SLO its alert: the product file's by type, a quality rule's own severity", () => {
    expect(byId('sla:freshness').alert).toEqual({
      severity: 'critical',
      condition: { metric: 'age_hours', operator: '>', threshold: 26 },
      text: 'age_hours > 26',
      path: '/customProperties/0/value/alerts/0',
    });
    expect(byId('volume:orders').alert).toMatchObject({
      severity: 'warning',
      text: 'row_count_change > 50%',
    });
    // a rowCount rule is no volume change: it keeps its own severity
    expect(byId('quality:enough-rows').alert).toEqual({
      severity: 'error',
      path: '/schema/0/quality/0/severity',
    });
    expect(byId('quality:no-refunds').alert).toBeUndefined();
    expect(byId('schema:drift').alert).toBeUndefined();
  });

  it("reads an SLA property's severity, its own or a custom property's, as a quality rule's", () => {
    const withSla = (sla: Record<string, unknown>) =>
      deriveSlos({
        ...contract,
        slaProperties: [
          {
            property: 'freshness',
            value: 24,
            unit: 'h',
            element: 'orders.updated_at',
            ...sla,
          },
        ],
      } as unknown as OdcsContract).slos.find(s => s.id === 'sla:freshness')!
        .alert;
    expect(withSla({ severity: 'high' })).toEqual({
      severity: 'error',
      path: '/slaProperties/0/severity',
    });
    expect(
      withSla({
        customProperties: [
          { property: 'driverNote', value: 'x' },
          { property: 'severity', value: 'warning' },
        ],
      }),
    ).toEqual({
      severity: 'warning',
      path: '/slaProperties/0/customProperties/1/value',
    });
    // a word that is no severity: the product file's alert, as without one
    expect(withSla({ severity: 'urgent' })).toMatchObject({
      severity: 'critical',
      text: 'age_hours > 26',
    });
    expect(notificationSeverity(withSla({ severity: 'low' })!.severity)).toBe(
      'low',
    );
  });

  it('alerts on the condition the owners wrote, not on every failed check', () => {
    const freshness = byId('sla:freshness');
    expect(alertingOf(freshness, 'fail', 25 * HOUR)).toBe(false);
    expect(alertingOf(freshness, 'fail', 27 * HOUR)).toBe(true);
    expect(alertingOf(freshness, 'error', undefined)).toBeUndefined();
    // a severity without a condition: a failure alerts
    expect(alertingOf(byId('quality:enough-rows'), 'fail', 2)).toBeUndefined();

    // 25 hours: failing, but the owners are not told; 27 hours: they are
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();
    const first = nextSloState(undefined, {
      status: 'fail',
      at: at(1),
      value: 25 * HOUR,
      alerting: alertingOf(freshness, 'fail', 25 * HOUR),
    });
    expect(first.transition).toBeUndefined();
    expect(
      nextSloState(first.state, {
        status: 'fail',
        at: at(3),
        value: 27 * HOUR,
        alerting: alertingOf(freshness, 'fail', 27 * HOUR),
      }).transition,
    ).toBe('failing');
  });

  it('says the severity and condition the way a notification does', () => {
    expect(notificationSeverity('critical')).toBe('critical');
    expect(notificationSeverity('error')).toBe('high');
    expect(notificationSeverity('warning')).toBe('normal');
    expect(notificationSeverity('info')).toBe('low');
    expect(notificationSeverity(undefined)).toBe('high');
    expect(describeAlert(byId('sla:freshness'), 27 * HOUR + 1800)).toBe(
      'critical alert (age_hours > 26), measured 1 day 3 hours',
    );
    expect(describeAlert(byId('quality:enough-rows'))).toBe('error alert');
  });

  it('gives a freshness alert to latency only without a freshness SLO, and a volume alert to no rowCount rule', () => {
    const latencyOnly = deriveSlos({
      ...contract,
      slaProperties: [
        {
          property: 'latency',
          value: 2,
          unit: 'h',
          element: 'orders.updated_at',
        },
      ],
      schema: [
        {
          ...contract.schema![0],
          quality: [
            { id: 'enough-rows', metric: 'rowCount', mustBeGreaterThan: 5 },
          ],
        },
      ],
    } as OdcsContract).slos;
    const alerted = Object.fromEntries(
      latencyOnly.map(s => [s.id, s.alert?.severity]),
    );
    expect(alerted).toMatchObject({
      'sla:latency': 'critical',
      'volume:orders': 'warning',
      'quality:enough-rows': undefined,
    });
    expect(byId('sla:freshness').alert?.severity).toBe('critical');
  });
});

describe('sloChangeNotice', () => {
  const names = { product: 'Orders', slo: 'freshness' };
  const since = '2026-01-01T03:04:05.000Z';

  it('tells a failure with its declared alert, target, measured value and start', () => {
    expect(
      sloChangeNotice(
        {
          transition: 'failing',
          state: { since, lastValue: 27 * HOUR + 1800 },
        },
        byId('sla:freshness'),
        names,
      ),
    ).toEqual({
      title: 'Orders: SLO "freshness" is failing (critical)',
      description:
        'Critical alert (age_hours > 26). Target: data at most 1 day old. Measured 1 day 3 hours. Failing since 2026-01-01 03:04 UTC.',
      severity: 'critical',
    });
  });

  it('says the last error rather than the value, and a failure without an alert is high', () => {
    expect(
      sloChangeNotice(
        {
          transition: 'failing',
          state: { since, lastValue: 1, lastError: 'timed out' },
        },
        byId('quality:no-refunds'),
        { product: 'Orders', slo: 'no-refunds' },
      ),
    ).toEqual({
      title: 'Orders: SLO "no-refunds" is failing',
      description:
        'Target: query result = 0. timed out Failing since 2026-01-01 03:04 UTC.',
      severity: 'high',
    });
  });

  it('tells an SLO the product no longer declares by its start alone', () => {
    expect(
      sloChangeNotice(
        { transition: 'failing', state: { since: 'not a date', lastValue: 4 } },
        undefined,
        { product: 'Orders', slo: 'sla:gone' },
      ),
    ).toEqual({
      title: 'Orders: SLO "sla:gone" is failing',
      description: 'Measured 4. Failing since not a date.',
      severity: 'high',
    });
  });

  it('tells a recovery with normal severity', () => {
    expect(
      sloChangeNotice(
        { transition: 'recovered', state: { since } },
        byId('sla:freshness'),
        names,
      ),
    ).toEqual({
      title: 'Orders: SLO "freshness" recovered',
      description: 'Passing again since 2026-01-01 03:04 UTC.',
      severity: 'normal',
    });
  });
});
