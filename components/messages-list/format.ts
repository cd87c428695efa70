// Compact cells for a dense table. UTC like the rest of the console (components/ui/format.ts),
// so server and client print the same text and times compare with mail headers.

const shortDate = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', timeZone: 'UTC' });
const shortTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });
const withYear = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "23 Nov 14:05" within `now`'s year, "23 Nov 2025" before it. */
export function formatReceived(date: Date, now: Date): string {
  if (date.getUTCFullYear() !== now.getUTCFullYear()) return withYear.format(date);
  return `${shortDate.format(date)} ${shortTime.format(date)}`;
}

/** Scores are sums of rule weights and model contributions; one decimal is all that reads. */
export function formatScore(score: number): string {
  return score.toFixed(1);
}

const number = new Intl.NumberFormat('en-US');

/** "1 message", "1,234 messages", "1,000+ messages", "about 1,000,000 messages". */
export function formatTotal(total: { count: number; capped: boolean; estimate: number | null }): string {
  if (total.estimate !== null) return `about ${number.format(roundEstimate(total.estimate))} messages`;
  const n = `${number.format(total.count)}${total.capped ? '+' : ''}`;
  return `${n} ${total.count === 1 && !total.capped ? 'message' : 'messages'}`;
}

/** Two significant digits: an estimate printed to the unit would claim a precision it lacks. */
function roundEstimate(n: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}
