import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { insertToken, type CreatedToken } from './insert';

export const createTokenInput = z.object({ tenant: z.string().min(1), name: z.string().trim().min(1).max(100) });

/** Admin: issues an ingest token for a tenant. The plain token is in the result and nowhere else. */
export async function createIngestToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof createTokenInput> }): Promise<CreatedToken> {
  authorize(ctx, ['admin']);
  const { tenant: slug, name } = createTokenInput.parse(input);
  const tenant = await requireTenant(ctx, slug);
  return insertToken(db, { tenantId: tenant.id, slug: tenant.slug, name, createdBy: ctx.user.id });
}
