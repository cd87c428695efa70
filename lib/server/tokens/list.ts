import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { authorize, requireTenant, type Ctx } from '@/lib/server/auth';

export const listTokensInput = z.object({ tenant: z.string().min(1) });

export type TokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdBy: string | null };

/** Admin: a tenant's ingest tokens (never the secrets; only hashes are stored anyway). */
export async function listIngestTokens({ ctx, input }: { ctx: Ctx; input: z.input<typeof listTokensInput> }): Promise<TokenSummary[]> {
  authorize(ctx, ['admin']);
  const tenant = await requireTenant(ctx, listTokensInput.parse(input).tenant);
  const rows = await db.ingestToken.findMany({
    where: { tenantId: tenant.id },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, creator: { select: { email: true } } },
  });
  return rows.map(({ creator, ...r }) => ({ ...r, createdBy: creator?.email ?? null }));
}
