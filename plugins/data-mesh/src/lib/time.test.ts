import { absoluteTime, formatDuration, relativeTime } from './time';

const now = Date.parse('2025-06-15T12:00:00Z');

describe('relativeTime', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime('2025-06-15T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2025-06-15T11:00:00Z', now)).toBe('1 hour ago');
    expect(relativeTime('2025-06-12T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('2025-06-17T12:00:00Z', now)).toBe('in 2 days');
  });
  it('gives nothing for a missing or unreadable date', () => {
    expect(relativeTime(undefined, now)).toBeUndefined();
    expect(relativeTime('yesterday', now)).toBeUndefined();
  });
});

describe('absoluteTime', () => {
  it('writes the time in UTC to the minute', () => {
    expect(absoluteTime('2025-03-01T10:00:00+01:00')).toBe(
      '2025-03-01 09:00 UTC',
    );
  });
});

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(93784)).toBe('1 d 2 h');
    expect(formatDuration(0)).toBe('0 s');
  });
});
