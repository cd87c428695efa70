import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashToken, TOKEN_PREFIX } from './token-secret';

export type TokenPrincipal = { tokenId: string; tenantId: string; tenantSlug: string };

/**
 * The tenant a bearer token may ingest into. Missing, malformed, unknown and revoked tokens are
 * all `unauthenticated` (401) and indistinguishable to the caller.
 */
export async function verifyIngestToken(token: string | null | undefined): Promise<TokenPrincipal> {
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200) throw new AppError('unauthenticated', { userMessage: 'A valid ingest token is required.' });
  const row = await db.ingestToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, tenantId: true, revokedAt: true, lastUsedAt: true, tenant: { select: { slug: true } } },
  });
  if (!row || row.revokedAt) throw new AppError('unauthenticated', { userMessage: 'A valid ingest token is required.', message: row ? 'revoked token' : 'unknown token' });
  // Throttled so a busy integration does not write this row on every message.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.ingestToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: row.id, tenantId: row.tenantId, tenantSlug: row.tenant.slug };
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function readBearer(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return match ? match[1] : null;
}
