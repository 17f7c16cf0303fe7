import { dataStaleness } from './staleness';

const freshness = {
  kind: 'freshness' as const,
  target: {
    text: 'data at most 1 day old',
    operator: '<=' as const,
    value: 86_400,
    unit: 'seconds',
    objective: 0.99,
  },
};

describe('dataStaleness', () => {
  it('dates a failing freshness check from when the data crossed its age limit', () => {
    // measured at noon on the 6th: the newest row is 3 days old, the limit 1 day
    expect(
      dataStaleness(freshness, 3 * 86_400, '2026-12-06T12:00:00.000Z'),
    ).toEqual({
      lastUpdatedAt: '2026-12-03T12:00:00.000Z',
      staleSince: '2026-12-04T12:00:00.000Z',
    });
  });

  it('gives only the last update while the data is fresh', () => {
    expect(
      dataStaleness(freshness, 600, Date.parse('2026-12-06T12:00:00Z')),
    ).toEqual({ lastUpdatedAt: '2026-12-06T11:50:00.000Z' });
  });

  it('says nothing for SLOs that do not measure the age of the data', () => {
    expect(
      dataStaleness(
        { ...freshness, kind: 'completeness' },
        3,
        '2026-12-06T12:00:00Z',
      ),
    ).toBeUndefined();
    expect(
      dataStaleness(freshness, undefined, '2026-12-06T12:00:00Z'),
    ).toBeUndefined();
    expect(dataStaleness(freshness, 5, 'not a date')).toBeUndefined();
  });
});
