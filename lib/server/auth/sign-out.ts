import 'server-only';
import { clearSessionCookie, readSessionCookie } from './cookie';
import { deleteSessionByToken } from './session';

/** Deletes the caller's session row and cookie. Safe to call when not signed in. */
export async function signOut(): Promise<void> {
  const token = await readSessionCookie();
  if (token) await deleteSessionByToken(token);
  await clearSessionCookie();
}
