import 'server-only';
import { db } from '@/lib/db';

// Failed sign-ins are rows in login_attempts; the limiter counts recent rows. Per account it
// stops password guessing against one user; per address (higher, since offices share NAT) it
// slows spraying many accounts from one client.

export type Limit = { max: number; windowMs: number };

export const ACCOUNT_LIMIT: Limit = { max: 5, windowMs: 15 * 60 * 1000 };
export const ADDRESS_LIMIT: Limit = { max: 30, windowMs: 15 * 60 * 1000 };

export type RateLimitResult = { limited: false } | { limited: true; retryAfterSeconds: number; scope: 'account' | 'address' };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Key = { email: string; ip: string; now?: Date };

/** Whether another sign-in attempt is allowed now; if not, how long until it is. */
export async function checkSignInRateLimit({ email, ip, now = new Date() }: Key): Promise<RateLimitResult> {
  const account = await retryAfter({ where: { email: normalizeEmail(email) }, limit: ACCOUNT_LIMIT, now });
  if (account !== null) return { limited: true, retryAfterSeconds: account, scope: 'account' };
  const address = await retryAfter({ where: { ip }, limit: ADDRESS_LIMIT, now });
  if (address !== null) return { limited: true, retryAfterSeconds: address, scope: 'address' };
  return { limited: false };
}

/** Seconds until the window holds fewer than `max` failures again, or null if it already does. */
async function retryAfter({ where, limit, now }: { where: { email: string } | { ip: string }; limit: Limit; now: Date }) {
  const since = new Date(now.getTime() - limit.windowMs);
  const recent = await db.loginAttempt.findMany({
    where: { ...where, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    take: limit.max,
    select: { createdAt: true },
  });
  if (recent.length < limit.max) return null;
  // The max-th most recent failure is the one whose ageing out frees a slot.
  const freesAt = recent[limit.max - 1].createdAt.getTime() + limit.windowMs;
  return Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
}

export async function recordFailedSignIn({ email, ip, now = new Date() }: Key): Promise<void> {
  await db.loginAttempt.create({ data: { email: normalizeEmail(email), ip, createdAt: now } });
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { email: normalizeEmail(email) } });
}
