import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { hashPassword, verifyPassword } from '@/lib/crypto/password';
import { AppError } from '@/lib/errors';
import { checkSignInRateLimit, clearAccountFailures, normalizeEmail, recordFailedSignIn } from './rate-limit';
import { createSession, type SessionUser } from './session';

export const signInInput = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(320).email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInInput = z.input<typeof signInInput>;
export type SignInClient = { ip: string; userAgent?: string | null };
export type SignInResult = { token: string; sessionId: string; expiresAt: Date; user: SessionUser };

// Verified against when the email is unknown, so a miss costs the same argon2 time as a hit
// and response timing does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

/**
 * Email + password → a new session. Rate limited per account and per client address; every
 * failure (unknown email, wrong password, disabled account) answers the same message.
 */
export async function signIn({ input, client, now = new Date() }: { input: SignInInput; client: SignInClient; now?: Date }): Promise<SignInResult> {
  const { email, password } = signInInput.parse(input);
  const key = { email: normalizeEmail(email), ip: client.ip, now };

  const limit = await checkSignInRateLimit(key);
  if (limit.limited) {
    throw new AppError('rate_limited', {
      message: `sign-in rate limited by ${limit.scope}`,
      userMessage: `Too many failed sign-in attempts. Try again in ${formatWait(limit.retryAfterSeconds)}.`,
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }

  const user = await db.user.findUnique({ where: { email: key.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy-password-never-matches'))), password);
  if (!user || !ok || user.disabled) {
    await recordFailedSignIn(key);
    throw new AppError('invalid_credentials', { message: `sign-in failed for ${key.email}` });
  }

  await clearAccountFailures(key.email);
  const session = await createSession({ userId: user.id, ip: client.ip, userAgent: client.userAgent, now });
  return {
    token: session.token,
    sessionId: session.sessionId,
    expiresAt: session.expiresAt,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
}

/** "45 seconds", "1 minute", "12 minutes" — rounded up so the user never retries too early. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
