import 'server-only';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/db';
import { generateToken, hashToken } from './token-secret';

export type CreatedToken = { id: string; name: string; tenant: string; token: string };

/**
 * Stores a new token's hash and returns the plain token (the only time it exists). No auth here:
 * createIngestToken authorizes first; `npm run token` relies on shell access to the database.
 * Kept free of lib/server/auth so the CLI does not load Next's request APIs.
 */
export async function insertToken(client: PrismaClient, input: { tenantId: string; slug: string; name: string; createdBy: string | null }): Promise<CreatedToken> {
  const token = generateToken();
  const row = await client.ingestToken.create({
    data: { id: randomUUID(), tenantId: input.tenantId, name: input.name, tokenHash: hashToken(token), createdBy: input.createdBy },
    select: { id: true, name: true },
  });
  return { ...row, tenant: input.slug, token };
}
