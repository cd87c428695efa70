import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { AppError, isAppError } from '@/lib/errors';
import { authorize, type Ctx, type Role } from './context';
import { readSessionCookie } from './cookie';
import { validateSessionToken } from './session';

/** The signed-in caller for this request, or null. Validated once per request (React cache). */
export const getSession = cache(async (): Promise<Ctx | null> => {
  const token = await readSessionCookie();
  if (!token) return null;
  const session = await validateSessionToken(token);
  return session ? { user: session.user, sessionId: session.sessionId } : null;
});

/**
 * For route handlers and server actions: the caller's ctx, or throws `unauthenticated` (401)
 * / `forbidden` (403) when `roles` is given and the caller's role is not among them.
 */
export async function requireUser(roles?: readonly Role[]): Promise<Ctx> {
  const ctx = await getSession();
  if (!ctx) throw new AppError('unauthenticated');
  if (roles) authorize(ctx, roles);
  return ctx;
}

/**
 * For pages and layouts: like requireUser, but an anonymous visitor is redirected to sign-in
 * (coming back here afterwards) and a role that may not see the page gets the 404 page, so a
 * support user cannot tell which admin pages exist.
 */
export async function requirePageUser(roles?: readonly Role[]): Promise<Ctx> {
  const ctx = await getSession();
  if (!ctx) redirect(await signInPath());
  if (roles && !roles.includes(ctx.user.role)) notFound();
  return ctx;
}

/** /sign-in?next=<current path>; proxy.ts passes the path in x-triage-path. */
export async function signInPath(): Promise<string> {
  const path = (await headers()).get('x-triage-path');
  return path && path !== '/' ? `/sign-in?next=${encodeURIComponent(path)}` : '/sign-in';
}

/**
 * Runs a server operation for a page: `not_found`/`forbidden` become the 404 page and
 * `unauthenticated` a sign-in redirect; anything else reaches the nearest error.tsx.
 */
export async function loadForPage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'not_found' || error.code === 'forbidden') notFound();
      if (error.code === 'unauthenticated') redirect(await signInPath());
    }
    throw error;
  }
}
