import {
  describeChange,
  describeMeasurement,
  formatQuantity,
  humanDuration,
} from './units';

describe('values in human units', () => {
  it('says durations in their two largest units', () => {
    expect(humanDuration(5103858.72)).toBe('59 days 1 hour');
    expect(humanDuration(251940.9)).toBe('2 days 21 hours');
    expect(humanDuration(3 * 86400 + 2 * 3600 + 59)).toBe('3 days 2 hours');
    expect(humanDuration(86400)).toBe('1 day');
    expect(humanDuration(86400 + 59)).toBe('1 day');
    expect(humanDuration(90)).toBe('1 minute 30 seconds');
    expect(humanDuration(45)).toBe('45 seconds');
    expect(humanDuration(0)).toBe('0 seconds');
    expect(humanDuration(0.2)).toBe('less than a second');
    expect(humanDuration(400 * 86400)).toBe('1 year 35 days');
  });

  it('formats each unit the SLOs measure in', () => {
    expect(formatQuantity(251940.9, 'seconds')).toBe('2 days 21 hours');
    expect(formatQuantity(12.345, 'percent')).toBe('12.3 %');
    expect(formatQuantity(0.0412, 'percent')).toBe('0.04 %');
    expect(formatQuantity(100, 'percent')).toBe('100 %');
    expect(formatQuantity(1234, 'rows')).toBe('1,234 rows');
    expect(formatQuantity(1, 'rows')).toBe('1 row');
    expect(formatQuantity(42.456, 'EUR')).toBe('42.46 EUR');
    expect(formatQuantity(1234567.891)).toBe('1,234,567.89');
  });

  it('says why a value misses its target', () => {
    expect(
      describeMeasurement(251940.9, {
        text: 'data at most 1 day old',
        unit: 'seconds',
      }),
    ).toBe('measured 2 days 21 hours; target: data at most 1 day old');
  });

  it('says how a count changed', () => {
    expect(describeChange(590, 1000, 'last week')).toBe(
      '41 % fewer rows than last week',
    );
    expect(describeChange(1200, 1000, 'yesterday')).toBe(
      '20 % more rows than yesterday',
    );
    expect(describeChange(2500, 1000, 'yesterday')).toBe(
      '2.5 times as many rows as yesterday',
    );
    expect(describeChange(1001, 1000, 'the usual Monday')).toBe(
      'as many rows as the usual Monday',
    );
    expect(describeChange(5, 0, 'yesterday')).toBe(
      '5 rows where yesterday had none',
    );
  });
});
