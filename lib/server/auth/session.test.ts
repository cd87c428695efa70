import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, createSession, deleteSessionByToken, hashSessionToken, validateSessionToken } from './session';
import { makeUser, withTestDatabase } from './test-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
withTestDatabase();

describe('sessions', () => {
  it('stores only the SHA-256 of the token and validates it back to the user', async () => {
    const user = await makeUser({ role: 'engineer' });
    const now = new Date();
    const { token, sessionId } = await createSession({ userId: user.id, ip: '10.0.0.1', now });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.tokenHash).toBe(hashSessionToken(token));
    expect(row.tokenHash).not.toContain(token);
    const valid = await validateSessionToken(token, now);
    expect(valid?.user).toEqual({ id: user.id, email: user.email, name: user.name, role: 'engineer' });
    expect(await validateSessionToken('not-a-token', now)).toBeNull();
  });

  it('expires after 8 idle hours and deletes the row', async () => {
    const user = await makeUser();
    const start = new Date();
    const { token, sessionId } = await createSession({ userId: user.id, now: start });
    expect(await validateSessionToken(token, new Date(start.getTime() + IDLE_TIMEOUT_MS - MINUTE))).not.toBeNull();
    // That use slid the idle window forward: 8 h after *it* is the new deadline.
    const lastUse = start.getTime() + IDLE_TIMEOUT_MS - MINUTE;
    expect(await validateSessionToken(token, new Date(lastUse + IDLE_TIMEOUT_MS + 1))).toBeNull();
    expect(await db.session.findUnique({ where: { id: sessionId } })).toBeNull();
  });

  it('throttles lastSeenAt writes to once a minute', async () => {
    const user = await makeUser();
    const start = new Date();
    const { token, sessionId } = await createSession({ userId: user.id, now: start });
    await validateSessionToken(token, new Date(start.getTime() + 30_000));
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + 61_000);
    await validateSessionToken(token, later);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(later);
  });

  it('dies at the absolute limit however busy it is', async () => {
    const user = await makeUser();
    const start = new Date();
    const { token } = await createSession({ userId: user.id, now: start });
    let t = start.getTime();
    while (t + 6 * HOUR < start.getTime() + ABSOLUTE_TIMEOUT_MS) {
      t += 6 * HOUR;
      expect(await validateSessionToken(token, new Date(t))).not.toBeNull();
    }
    expect(await validateSessionToken(token, new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS))).toBeNull();
  });

  it('rejects sessions of disabled users', async () => {
    const user = await makeUser();
    const { token } = await createSession({ userId: user.id });
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await validateSessionToken(token)).toBeNull();
  });

  it('sign-out deletes the session', async () => {
    const user = await makeUser();
    const { token } = await createSession({ userId: user.id });
    await deleteSessionByToken(token);
    expect(await validateSessionToken(token)).toBeNull();
  });
});
