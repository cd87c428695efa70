import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db, type PrismaClient } from '@/lib/db';
import { authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { generateToken, hashToken } from './token-secret';

export const createTokenInput = z.object({ tenant: z.string().min(1), name: z.string().trim().min(1).max(100) });

export type CreatedToken = { id: string; name: string; tenant: string; token: string };

/** Admin: issues an ingest token for a tenant. The plain token is in the result and nowhere else. */
export async function createIngestToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof createTokenInput> }): Promise<CreatedToken> {
  authorize(ctx, ['admin']);
  const { tenant: slug, name } = createTokenInput.parse(input);
  const tenant = await requireTenant(ctx, slug);
  return insertToken(db, { tenantId: tenant.id, slug: tenant.slug, name, createdBy: ctx.user.id });
}

/** For the CLI (`npm run token`), which has no session: the operator is trusted by shell access. */
export async function insertToken(client: PrismaClient, input: { tenantId: string; slug: string; name: string; createdBy: string | null }): Promise<CreatedToken> {
  const token = generateToken();
  const row = await client.ingestToken.create({
    data: { id: randomUUID(), tenantId: input.tenantId, name: input.name, tokenHash: hashToken(token), createdBy: input.createdBy },
    select: { id: true, name: true },
  });
  return { ...row, tenant: input.slug, token };
}
