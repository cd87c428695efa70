import { describe, expect, it } from 'vitest';
import { isAppError, toAppError } from '@/lib/errors';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, checkSignInRateLimit, recordFailedSignIn } from './rate-limit';
import { signIn } from './sign-in';
import { makeUser, testPassword, uniqueAddress, uniqueId, withTestDatabase } from './test-support';

withTestDatabase();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return toAppError(error).code;
  }
}

describe('sign-in rate limiting', () => {
  it('limits an account after 5 failures in 15 minutes, and says for how long', async () => {
    const email = `p2-${uniqueId()}@limit.test`;
    const start = new Date();
    for (let i = 0; i < ACCOUNT_LIMIT.max - 1; i++) {
      await recordFailedSignIn({ email, ip: uniqueAddress(), now: new Date(start.getTime() + i * 1000) });
    }
    expect(await checkSignInRateLimit({ email, ip: uniqueAddress(), now: start })).toEqual({ limited: false });
    await recordFailedSignIn({ email: email.toUpperCase(), ip: uniqueAddress(), now: new Date(start.getTime() + 4000) });
    const limited = await checkSignInRateLimit({ email, ip: uniqueAddress(), now: new Date(start.getTime() + 5000) });
    expect(limited).toMatchObject({ limited: true, scope: 'account' });
    // The oldest of the five (t=0) ages out at 15:00, 5 s from now-ish.
    expect(limited.limited && limited.retryAfterSeconds).toBe(ACCOUNT_LIMIT.windowMs / 1000 - 5);
    const after = new Date(start.getTime() + ACCOUNT_LIMIT.windowMs + 1);
    expect(await checkSignInRateLimit({ email, ip: uniqueAddress(), now: after })).toEqual({ limited: false });
  });

  it('limits an address after 30 failures across any accounts', async () => {
    const ip = uniqueAddress();
    const now = new Date();
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) await recordFailedSignIn({ email: `p2-${uniqueId()}@spray.test`, ip, now });
    expect(await checkSignInRateLimit({ email: `p2-${uniqueId()}@spray.test`, ip, now })).toMatchObject({ limited: true, scope: 'address' });
    expect(await checkSignInRateLimit({ email: `p2-${uniqueId()}@spray.test`, ip: uniqueAddress(), now })).toEqual({ limited: false });
  });
});

describe('signIn', () => {
  it('signs in with the right password and creates a session', async () => {
    const user = await makeUser({ role: 'admin' });
    const result = await signIn({ input: { email: ` ${user.email.toUpperCase()} `, password: testPassword }, client: { ip: uniqueAddress() } });
    expect(result.user).toMatchObject({ id: user.id, role: 'admin' });
    expect(result.token.length).toBeGreaterThan(40);
  });

  it('answers wrong password, unknown email and disabled account identically', async () => {
    const user = await makeUser();
    const disabled = await makeUser({ disabled: true });
    const ip = uniqueAddress();
    expect(await codeOf(signIn({ input: { email: user.email, password: 'nope' }, client: { ip } }))).toBe('invalid_credentials');
    expect(await codeOf(signIn({ input: { email: `p2-${uniqueId()}@nobody.test`, password: 'nope' }, client: { ip } }))).toBe('invalid_credentials');
    expect(await codeOf(signIn({ input: { email: disabled.email, password: testPassword }, client: { ip } }))).toBe('invalid_credentials');
  });

  it('refuses even the right password once the account is limited', async () => {
    const user = await makeUser();
    for (let i = 0; i < ACCOUNT_LIMIT.max; i++) {
      expect(await codeOf(signIn({ input: { email: user.email, password: `bad-${i}` }, client: { ip: uniqueAddress() } }))).toBe('invalid_credentials');
    }
    const error = await signIn({ input: { email: user.email, password: testPassword }, client: { ip: uniqueAddress() } }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('rate_limited');
    expect(isAppError(error) && error.userMessage).toMatch(/^Too many failed sign-in attempts\. Try again in 1[45] minutes\.$/);
  });

  it('forgives earlier failures after a success', async () => {
    const user = await makeUser();
    for (let i = 0; i < ACCOUNT_LIMIT.max - 1; i++) await codeOf(signIn({ input: { email: user.email, password: 'bad' }, client: { ip: uniqueAddress() } }));
    expect(await codeOf(signIn({ input: { email: user.email, password: testPassword }, client: { ip: uniqueAddress() } }))).toBe('ok');
    expect(await checkSignInRateLimit({ email: user.email, ip: uniqueAddress() })).toEqual({ limited: false });
  });

  it('rejects malformed input with invalid_input', async () => {
    expect(await codeOf(signIn({ input: { email: 'not-an-email', password: '' }, client: { ip: uniqueAddress() } }))).toBe('invalid_input');
  });
});
