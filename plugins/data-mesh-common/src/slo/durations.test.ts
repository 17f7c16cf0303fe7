import { durationSeconds, formatDuration } from './durations';

describe('durationSeconds', () => {
  it.each([
    [4, 'd', 4 * 86400],
    [24, 'h', 86400],
    ['30', 'minutes', 1800],
    [3, 'y', 3 * 365 * 86400],
    [1, 'Yr', 365 * 86400],
    [500, 'ms', 0.5],
  ])('%p %p is %p seconds', (value, unit, seconds) => {
    expect(durationSeconds(value, unit)).toBe(seconds);
  });

  it('refuses what is not a duration', () => {
    expect(durationSeconds(4, 'percent')).toBeUndefined();
    expect(durationSeconds('soon', 'd')).toBeUndefined();
    expect(durationSeconds(-1, 'd')).toBeUndefined();
    expect(durationSeconds(1, undefined)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('uses the largest unit that fits', () => {
    expect(formatDuration(86400)).toBe('1 day');
    expect(formatDuration(5400)).toBe('1.5 hours');
    expect(formatDuration(30)).toBe('30 seconds');
  });
});
