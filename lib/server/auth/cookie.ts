import 'server-only';
import { cookies, headers } from 'next/headers';
import { env } from '@/lib/env';

/** The session cookie's name. proxy.ts checks only its presence; the server validates it. */
export const SESSION_COOKIE = 'triage_session';

/**
 * Secure whenever the request came over HTTPS, and always in production except on loopback
 * (the e2e server is a production build on http://127.0.0.1, where a Secure cookie would
 * not come back from every client).
 */
async function shouldBeSecure(): Promise<boolean> {
  const h = await headers();
  if (h.get('x-forwarded-proto') === 'https') return true;
  const host = (h.get('host') ?? '').replace(/:\d+$/, '');
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  return env.NODE_ENV === 'production' && !loopback;
}

export async function readSessionCookie(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await shouldBeSecure(),
    path: '/',
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
