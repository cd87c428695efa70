// Dates render in UTC with an explicit zone: staff across time zones compare timestamps with
// mail headers, and server and client must print the same string (no hydration mismatch).
const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});

/** "23 Nov 2026, 14:05 UTC" */
export function formatDateTime(iso: string | Date): string {
  return `${dateTime.format(typeof iso === 'string' ? new Date(iso) : iso)} UTC`;
}
