// Ruleset version strings: YYYY.MM.N, as the shipped "2026.11.3". Pure, so the sandbox can order
// and label versions too.

const VERSION = /^(\d{4})\.(\d{2})\.(\d+)$/;

/**
 * The version a publish at `now` gets: the UTC year and month, and one past the highest N that
 * month already has among `taken` (stored versions and the shipped one).
 */
export function nextVersion(now: Date, taken: Iterable<string>): string {
  const prefix = versionPrefix(now);
  let highest = 0;
  for (const version of taken) {
    const m = VERSION.exec(version);
    if (m && version.startsWith(prefix)) highest = Math.max(highest, Number(m[3]));
  }
  return `${prefix}${highest + 1}`;
}

/** "YYYY.MM.": what every version published in `now`'s UTC month starts with. */
export function versionPrefix(now: Date): string {
  return `${now.getUTCFullYear()}.${String(now.getUTCMonth() + 1).padStart(2, '0')}.`;
}

/** Orders version strings newest first: numerically by part (2026.11.10 after 2026.11.9), then as text. */
export function compareVersionsDesc(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    // NaN (a part that is not a number) is falsy: such parts fall through to the text order.
    const d = (y[i] ?? -1) - (x[i] ?? -1);
    if (d) return d;
  }
  return a === b ? 0 : a < b ? 1 : -1;
}
