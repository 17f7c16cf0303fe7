const UNITS: Array<[number, string]> = [
  [86400 * 365, 'year'],
  [86400 * 30, 'month'],
  [86400 * 7, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** `3 hours ago`, `in 2 days`, `just now`; `undefined` for a date that does not parse. */
export function relativeTime(
  iso: string | undefined,
  now = Date.now(),
): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const seconds = Math.round((now - time) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  for (const [size, unit] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const label = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return seconds >= 0 ? `${label} ago` : `in ${label}`;
    }
  }
  return 'just now';
}

/** A date-time for a tooltip: `2025-03-01 09:00 UTC`. */
export function absoluteTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `1 h`, `2 d 3 h`, `45 s`: a duration in seconds, in its two largest units. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(Math.abs(seconds));
  for (const [size, unit] of [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ] as const) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.length ? parts.join(' ') : '0 s';
}
