/** `YYYY-MM-DD` of a time (UTC), as a date input takes it. */
export function dateInputValue(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The end of a day picked in a date input (`YYYY-MM-DD`), as ISO 8601 in UTC. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.000Z`).toISOString();
}

/** `YYYY-MM-DDTHH:mm` of a time in the browser's zone, as a datetime-local input takes it. */
export function localInputValue(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's value (the browser's zone) as ISO 8601, or undefined. */
export function fromLocalInput(value: string): string | undefined {
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
