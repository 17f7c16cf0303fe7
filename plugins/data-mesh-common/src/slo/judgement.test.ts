import { judgeMeasurement } from './judgement';
import type { SloDefinition } from './types';

const HOUR = 3600;
const at = Date.UTC(2026, 0, 2, 12);

/** Data at most a day old; the owners are told from 26 hours on. */
const freshness: SloDefinition = {
  id: 'sla:freshness',
  name: 'freshness',
  kind: 'freshness',
  target: {
    text: 'data at most 1 day old',
    operator: '<=',
    value: 24 * HOUR,
    unit: 'seconds',
    objective: 0.99,
  },
  measure: { type: 'newestAge', object: 'orders', column: 'updated_at' },
  path: '/slaProperties/0',
  alert: {
    severity: 'critical',
    condition: { metric: 'age_hours', operator: '>', threshold: 26 },
    text: 'age_hours > 26',
    path: '/customProperties/0/value/alerts/0',
  },
};

/** A series the owners keep, with an alert below 20. */
const metric: SloDefinition = {
  id: 'metric:avg_order_value',
  name: 'avg_order_value',
  kind: 'metric',
  target: {
    text: 'kept as a series',
    operator: '>=',
    value: 0,
    bounds: 'series',
    objective: 0.99,
  },
  measure: { type: 'sql', query: 'SELECT AVG(total) FROM orders' },
  path: '/customProperties/0/value/metrics/0',
  alert: {
    severity: 'warning',
    condition: { metric: 'avg_order_value', operator: '<', threshold: 20 },
    text: 'avg_order_value < 20',
    path: '/customProperties/0/value/alerts/1',
  },
};

describe('judgeMeasurement', () => {
  it('passes a value within the target, without words', () => {
    expect(judgeMeasurement(freshness, { value: HOUR }, at)).toEqual({
      status: 'pass',
      alerting: false,
    });
  });

  it('fails a value beyond the target, says so, and dates stale data from its limit', () => {
    expect(judgeMeasurement(freshness, { value: 25 * HOUR }, at)).toEqual({
      status: 'fail',
      message: 'measured 1 day 1 hour; target: data at most 1 day old',
      // failing, but the owners' condition (over 26 hours) does not hold yet
      alerting: false,
      since: at - HOUR * 1000,
    });
    expect(judgeMeasurement(freshness, { value: 27 * HOUR }, at)).toEqual(
      expect.objectContaining({ status: 'fail', alerting: true }),
    );
  });

  it('leaves alerting out for an SLO without a condition', () => {
    const { alert, ...plain } = freshness;
    expect(alert).toBeDefined();
    const judged = judgeMeasurement(plain, { value: 25 * HOUR }, at);
    expect(judged.status).toBe('fail');
    expect(judged).not.toHaveProperty('alerting');
  });

  it('keeps a status and message the measurement decided', () => {
    expect(
      judgeMeasurement(
        freshness,
        { value: 30 * HOUR, status: 'pass', message: 'as the usual Monday' },
        at,
      ),
    ).toEqual({
      status: 'pass',
      message: 'as the usual Monday',
      alerting: true,
    });
    expect(
      judgeMeasurement(freshness, { value: HOUR, status: 'fail' }, at),
    ).toEqual({
      status: 'fail',
      message: 'measured 1 hour; target: data at most 1 day old',
      alerting: false,
    });
  });

  it('fails a series only when the alert condition on it holds', () => {
    expect(judgeMeasurement(metric, { value: 25 }, at)).toEqual({
      status: 'pass',
      alerting: false,
    });
    expect(judgeMeasurement(metric, { value: 15 }, at)).toEqual({
      status: 'fail',
      message: 'measured 15; target: kept as a series',
      alerting: true,
    });
  });

  it("judges a volume SLO's row count by its change against the counts kept before", () => {
    const volume: SloDefinition = {
      id: 'volume:orders',
      name: 'volume of orders',
      kind: 'volume',
      target: {
        text: 'row count within 30 % of the usual',
        operator: '<=',
        value: 30,
        unit: 'percent',
        bounds: 'change',
        objective: 0.99,
      },
      measure: { type: 'volume', object: 'orders' },
      path: '/schema/0',
    };
    const dayBefore = [{ at: at - 86_400_000, value: 1000 }];
    const fell = judgeMeasurement(volume, { value: 600 }, at, dayBefore);
    // 40 % fewer rows: beyond the SLO's 30 %, though within the default 50 %
    expect(fell).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('40 % fewer rows'),
      volume: { status: 'fail', previous: 1000, decidedBy: 'previous' },
    });
    expect(fell.message).toBe(fell.volume!.message);
    expect(
      judgeMeasurement(volume, { value: 800 }, at, dayBefore),
    ).toMatchObject({ status: 'pass', volume: { previous: 1000 } });
    // nothing kept to compare with: it passes, whatever the measurement said
    expect(
      judgeMeasurement(volume, { value: 5, status: 'fail' }, at),
    ).toMatchObject({ status: 'pass', volume: { baselineWeeks: 0 } });
    expect(judgeMeasurement(freshness, { value: HOUR }, at)).not.toHaveProperty(
      'volume',
    );
  });
});
