import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Role } from '@/lib/db';

// Server-side sessions. The cookie carries a random 32-byte token; the table stores only its
// SHA-256, so a database leak does not hand out live sessions.

/** Idle expiry: a session unused this long is dead (sliding: every use pushes it forward). */
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** Absolute expiry: no session outlives this, however busy. */
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so page loads do not each cost a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionUser = { id: string; email: string; name: string; role: Role };
export type ValidSession = { sessionId: string; user: SessionUser; expiresAt: Date };

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type CreateSessionInput = { userId: string; ip?: string | null; userAgent?: string | null; now?: Date };

/** Creates a session and returns the raw token (only ever sent to the client, never stored). */
export async function createSession({ userId, ip = null, userAgent = null, now = new Date() }: CreateSessionInput) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  const session = await db.session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, sessionId: session.id, expiresAt };
}

/**
 * The session for a raw token, or null when unknown, expired (idle or absolute) or the user
 * is disabled. Dead sessions are deleted on sight; live ones get lastSeenAt bumped (throttled).
 */
export async function validateSessionToken(token: string, now: Date = new Date()): Promise<ValidSession | null> {
  if (!token || token.length > 256) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!session) return null;
  const idleDeadline = session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS;
  if (session.user.disabled || session.expiresAt.getTime() <= now.getTime() || idleDeadline <= now.getTime()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = session.user;
  return { sessionId: session.id, user: { id, email, name, role }, expiresAt: session.expiresAt };
}

/** Deletes the session behind a raw token (sign-out). Unknown tokens are ignored. */
export async function deleteSessionByToken(token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}
