import 'server-only';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/db';
import { writeAudit } from '@/lib/server/audit/write';
import { generateToken, hashToken } from './token-secret';

export type CreatedToken = { id: string; name: string; tenant: string; token: string };

/**
 * Stores a new token's hash and returns the plain token (the only time it exists), with its audit
 * row in the same transaction. No auth here: createIngestToken authorizes first; `npm run token`
 * relies on shell access to the database (audited as `system:cli`). Kept free of lib/server/auth
 * so the CLI does not load Next's request APIs.
 */
export async function insertToken(client: PrismaClient, input: { tenantId: string; slug: string; name: string; createdBy: string | null }): Promise<CreatedToken> {
  const token = generateToken();
  const row = await client.$transaction(async (tx) => {
    const created = await tx.ingestToken.create({
      data: { id: randomUUID(), tenantId: input.tenantId, name: input.name, tokenHash: hashToken(token), createdBy: input.createdBy },
      select: { id: true, name: true },
    });
    // Never the token or its hash: the log is readable by every admin.
    await writeAudit(tx, {
      actorId: input.createdBy,
      actorEmail: input.createdBy ? undefined : 'system:cli',
      action: 'create',
      entity: 'token',
      entityId: created.id,
      tenantId: input.tenantId,
      data: { name: created.name, tenant: input.slug },
    });
    return created;
  });
  return { ...row, tenant: input.slug, token };
}
