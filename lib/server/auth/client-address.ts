import 'server-only';
import { env } from '@/lib/env';

type HeaderSource = { get(name: string): string | null };

/**
 * The client's address for rate limiting and the session record.
 *
 * Next's server fills X-Forwarded-For with the socket address only when the request did not
 * carry one, so the header is client-controlled unless something in front rewrites it. With
 * TRUST_PROXY we trust the left-most entry (the client as our proxy saw it). Without it we
 * take the right-most entry: the socket address when nothing in front set the header, and at
 * worst a value the client chose — which is why the per-account limit never depends on it.
 */
export function getClientAddress(headers: HeaderSource): string {
  const forwarded = headers.get('x-forwarded-for');
  const entries = (forwarded ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const picked = env.TRUST_PROXY ? entries[0] : entries.at(-1);
  return normalizeAddress(picked ?? headers.get('x-real-ip') ?? 'unknown');
}

function normalizeAddress(address: string): string {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) and plain IPv4 are the same client.
  return address.replace(/^::ffff:/i, '').slice(0, 64);
}
