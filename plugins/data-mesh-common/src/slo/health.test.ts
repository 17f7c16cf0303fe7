import type { ObservationCounts } from './errorBudget';
import {
  ASSESSMENT_WINDOWS_MS,
  BURN_RATE_RULES,
  burnRateAlert,
} from './burnRate';
import {
  assessSlo,
  assessSlos,
  productHealth,
  productSloHealth,
  sloCondition,
} from './health';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Counts per window from hourly outcomes, the newest last (`f` fail, `p` pass). */
function hourly(outcomes: string, now = 0) {
  const list = outcomes.split('');
  return (windowMs: number): ObservationCounts => {
    const counts = { pass: 0, fail: 0, error: 0 };
    list.forEach((o, i) => {
      const at = now - (list.length - 1 - i) * HOUR;
      if (at <= now - windowMs) return;
      if (o === 'f') counts.fail += 1;
      else if (o === 'e') counts.error += 1;
      else counts.pass += 1;
    });
    return counts;
  };
}

describe('burn-rate alerts', () => {
  it('count over every window the rules name, the 30-day budget first', () => {
    expect(ASSESSMENT_WINDOWS_MS[0]).toBe(30 * DAY);
    for (const rule of BURN_RATE_RULES) {
      expect(ASSESSMENT_WINDOWS_MS).toContain(rule.longMs);
      expect(ASSESSMENT_WINDOWS_MS).toContain(rule.shortMs);
    }
  });

  it('page on a fast burn that still burns, with the rate over the long window', () => {
    // a month of hourly checks, the last one failing: 100 % bad in the last hour
    const alert = burnRateAlert(hourly(`${'p'.repeat(719)}f`), 0.99, 'fail');
    expect(alert).toMatchObject({
      speed: 'fast',
      action: 'page',
      threshold: 14.4,
      longWindow: '1 hour',
      shortWindow: '5 minutes',
    });
    expect(alert!.rate).toBeCloseTo(100, 6);
  });

  it('do not page once the short window shows the burning stopped', () => {
    // failing for six hours, passing again for the last one: not the 1-hour rule, and the
    // 30-minute short window of the 6-hour rule is empty with a last check that passed
    const alert = burnRateAlert(
      hourly(`${'p'.repeat(700)}ffffffp`),
      0.99,
      'pass',
    );
    expect(alert?.action).not.toBe('page');
  });

  it('open a ticket for a slow, steady burn', () => {
    // three days of hourly checks, four failures (5.6 %, over five times the 1 % allowed),
    // the last one three hours ago: no page (the last check passed), but a ticket
    const outcomes = Array.from({ length: 72 }, (_, i) =>
      [10, 30, 50, 68].includes(i) ? 'f' : 'p',
    ).join('');
    expect(burnRateAlert(hourly(outcomes), 0.99, 'pass')).toMatchObject({
      speed: 'slow',
      action: 'ticket',
      threshold: 1,
      longWindow: '3 days',
      shortWindow: '6 hours',
    });
  });

  it('stay silent while the budget lasts', () => {
    expect(
      burnRateAlert(hourly('p'.repeat(720)), 0.99, 'pass'),
    ).toBeUndefined();
    // two failures a month are within a 99 % objective
    const quiet = `${'p'.repeat(300)}f${'p'.repeat(300)}f${'p'.repeat(118)}`;
    expect(burnRateAlert(hourly(quiet), 0.99, 'pass')).toBeUndefined();
    expect(burnRateAlert(() => ({ pass: 0, fail: 0, error: 0 }), 0.99)).toBe(
      undefined,
    );
  });
});

describe('the health an owner can trust', () => {
  const at = Date.UTC(2025, 5, 1);

  it('keeps a product healthy while its budget lasts', () => {
    const assessment = assessSlo(
      hourly(`${'p'.repeat(300)}f${'p'.repeat(419)}`),
      0.99,
      'pass',
      at,
    );
    expect(assessment.budgetRemaining).toBeCloseTo(1 - 1 / 7.2, 6);
    expect(assessment.burn).toBeUndefined();
    expect(assessment.assessedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(sloCondition({ status: 'pass', assessment })).toEqual({
      condition: 'healthy',
    });
  });

  it('calls an SLO whose 30-day budget is spent at risk, though its last check passed', () => {
    // 20 failing hours three weeks ago: 20 of 7.2 allowed, long over
    const outcomes = `${'p'.repeat(200)}${'f'.repeat(20)}${'p'.repeat(500)}`;
    const assessment = assessSlo(hourly(outcomes), 0.99, 'pass', at);
    expect(assessment.budgetRemaining).toBe(0);
    expect(assessment.burn).toBeUndefined();
    expect(sloCondition({ status: 'pass', assessment })).toEqual({
      condition: 'at-risk',
      reason: 'its 30-day error budget is spent',
    });
    expect(
      productHealth([
        { name: 'freshness', status: 'pass', assessment },
        { name: 'completeness', status: 'pass' },
      ]),
    ).toEqual({
      health: 'at-risk',
      reasons: ['freshness: its 30-day error budget is spent'],
    });
  });

  it('says a fast burn pages and a slow one opens a ticket', () => {
    const fast = assessSlo(hourly(`${'p'.repeat(719)}f`), 0.99, 'error', at);
    expect(sloCondition({ status: 'error', assessment: fast })).toEqual({
      condition: 'at-risk',
      reason:
        'fast burn: its error budget burns 100× the allowed rate over 1 hour (page the owners)',
    });
    expect(
      sloCondition({
        status: 'pass',
        assessment: {
          budgetRemaining: 0.6,
          observations: 500,
          assessedAt: '2025-06-01T00:00:00.000Z',
          burn: {
            speed: 'slow',
            action: 'ticket',
            rate: 1.6,
            threshold: 1,
            longWindow: '3 days',
            shortWindow: '6 hours',
          },
        },
      }).reason,
    ).toBe(
      'slow burn: its error budget burns 1.6× the allowed rate over 3 days (open a ticket)',
    );
  });

  it('puts a failure now above a spent budget, and a spent budget above a check error', () => {
    const spent = {
      budgetRemaining: 0,
      observations: 720,
      assessedAt: '2025-06-01T00:00:00.000Z',
    };
    expect(
      productHealth([
        { name: 'a', status: 'pass', assessment: spent },
        { name: 'b', status: 'fail', lastError: 'measured 3 days' },
        { name: 'c', status: 'error' },
      ]),
    ).toEqual({ health: 'breached', reasons: ['b: measured 3 days'] });
    expect(
      productHealth([
        { name: 'c', status: 'error', lastError: 'timeout' },
        { name: 'a', status: 'pass', assessment: spent },
      ]).health,
    ).toBe('at-risk');
    expect(
      productHealth([
        { status: 'error', lastError: 'timeout' },
        { status: 'pass' },
      ]),
    ).toEqual({ health: 'error', reasons: ['timeout'] });
    expect(
      productHealth([{ status: 'unknown' }, { status: 'pass' }]).health,
    ).toBe('healthy');
    expect(productHealth([]).health).toBe('unknown');
  });
});

describe('assessSlos', () => {
  const at = Date.UTC(2025, 5, 1);

  it('reads each window once for every SLO, and assesses each SLO as assessSlo does', async () => {
    const freshness = hourly(`${'p'.repeat(719)}f`, at);
    const completeness = hourly(
      `${'p'.repeat(200)}${'f'.repeat(20)}${'p'.repeat(500)}`,
      at,
    );
    const asked: Array<[number, number]> = [];
    const assessments = await assessSlos(
      [
        { sloId: 'sla:freshness', status: 'fail' },
        { sloId: 'sla:completeness', status: 'pass' },
        { sloId: 'sla:latency', status: 'unknown' },
      ],
      sloId => (sloId === 'sla:completeness' ? 0.999 : 0.99),
      async (since, until) => {
        asked.push([since, until]);
        return new Map([
          ['sla:freshness', freshness(until - since)],
          ['sla:completeness', completeness(until - since)],
        ]);
      },
      at,
    );
    expect(asked).toEqual(
      ASSESSMENT_WINDOWS_MS.map(windowMs => [at - windowMs, at]),
    );
    expect(assessments.get('sla:freshness')).toEqual(
      assessSlo(freshness, 0.99, 'fail', at),
    );
    expect(assessments.get('sla:freshness')!.burn?.action).toBe('page');
    expect(assessments.get('sla:completeness')).toEqual(
      assessSlo(completeness, 0.999, 'pass', at),
    );
    expect(assessments.get('sla:completeness')!.budgetRemaining).toBe(0);
    // an SLO without observations keeps its whole budget
    expect(assessments.get('sla:latency')).toEqual({
      budgetRemaining: 1,
      observations: 0,
      assessedAt: '2025-06-01T00:00:00.000Z',
    });
  });

  it('reads nothing without SLOs', async () => {
    const assessments = await assessSlos(
      [],
      () => 0.99,
      async () => {
        throw new Error('read');
      },
      at,
    );
    expect(assessments.size).toBe(0);
  });
});

describe('productSloHealth', () => {
  const spent = {
    budgetRemaining: 0,
    observations: 720,
    assessedAt: '2025-06-01T00:00:00.000Z',
  };
  const slos = [
    { id: 'sla:freshness', name: 'freshness' },
    { id: 'sla:completeness', name: 'completeness' },
  ];

  it('names the declared SLOs as the contract does, and pushed checks by the check', () => {
    expect(
      productSloHealth(slos, [
        { sloId: 'sla:freshness', status: 'pass', assessment: spent },
        {
          sloId: 'datacontract:orders_row_count',
          status: 'pass',
          assessment: spent,
        },
        { sloId: 'sla:completeness', status: 'pass' },
      ]),
    ).toEqual({
      health: 'at-risk',
      reasons: [
        'freshness: its 30-day error budget is spent',
        'orders_row_count: its 30-day error budget is spent',
      ],
    });
  });

  it('leaves out SLOs the contract no longer declares', () => {
    expect(
      productSloHealth(slos, [
        { sloId: 'sla:latency', status: 'fail', lastError: 'too slow' },
        { sloId: 'sla:freshness', status: 'pass' },
      ]),
    ).toEqual({ health: 'healthy', reasons: [] });
    expect(
      productSloHealth(
        [],
        [{ sloId: 'sla:freshness', status: 'fail', lastError: 'stale' }],
      ).health,
    ).toBe('unknown');
  });

  it('gives the reasons of the worst SLOs', () => {
    expect(
      productSloHealth(slos, [
        { sloId: 'sla:completeness', status: 'error', lastError: 'timeout' },
        {
          sloId: 'sla:freshness',
          status: 'fail',
          lastError: 'measured 3 days',
        },
      ]),
    ).toEqual({
      health: 'breached',
      reasons: ['freshness: measured 3 days'],
    });
  });
});
