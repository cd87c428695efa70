// Date-only companion to format.ts (same UTC rule, so server and client print the same string).
const dateOnly = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit', timeZone: 'UTC' });

/** "23 Nov 2026" (UTC). */
export function formatDate(value: string | Date): string {
  return dateOnly.format(typeof value === 'string' ? new Date(value) : value);
}

/** "2026-11-23" (UTC): for <input type="date"> values and file names. */
export function isoDate(value: string | Date): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString().slice(0, 10);
}
