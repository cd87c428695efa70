// Deliberately no `import 'server-only'`: proxy.ts imports this pure check, and proxy code is
// not bundled with the react-server condition. It holds no secrets and touches no database.

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return unsafeMethods.has(method.toUpperCase());
}

type HeaderSource = { get(name: string): string | null };

/**
 * CSRF gate for state-changing requests. Browsers set Sec-Fetch-Site themselves (page script
 * cannot forge it), so when present it decides alone. Older browsers send only Origin, which
 * must then match the Host. Requests with neither come from non-browser clients (curl,
 * scripts), which cannot ride a victim's cookies: they pass here and still need a session.
 */
export function isSameOrigin(headers: HeaderSource): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = headers.get('origin');
  if (origin === null) return true;
  const host = headers.get('host');
  if (origin === 'null' || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
