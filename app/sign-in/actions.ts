'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { SignInState } from '@/components/auth/sign-in-form';
import { toAppError } from '@/lib/errors';
import { getClientAddress } from '@/lib/server/auth';
import { setSessionCookie } from '@/lib/server/auth/cookie';
import { signIn } from '@/lib/server/auth/sign-in';
import { getHomePath } from '@/lib/server/tenants/get-home-path';
import { safeNextPath } from './safe-next-path';

export async function signInAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  const h = await headers();
  let destination: string;
  try {
    const result = await signIn({
      input: { email, password },
      client: { ip: getClientAddress(h), userAgent: h.get('user-agent') },
    });
    await setSessionCookie(result.token, result.expiresAt);
    destination = safeNextPath(formData.get('next'));
    if (destination === '/') destination = await getHomePath({ ctx: { user: result.user, sessionId: result.sessionId } });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'invalid_input') {
      const fieldErrors: SignInState['fieldErrors'] = {};
      for (const issue of appError.issues ?? []) {
        if (issue.path === 'email' || issue.path === 'password') fieldErrors[issue.path] ??= issue.message;
      }
      return { email, fieldErrors };
    }
    return { email, error: appError.userMessage };
  }
  // Outside the try: redirect() works by throwing.
  redirect(destination);
}
