import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { authorize, requireTenant, type Ctx } from '@/lib/server/auth';

export const revokeTokenInput = z.object({ tenant: z.string().min(1), id: z.uuid() });

/** Admin: revokes a token (idempotent; the row stays for the audit trail). */
export async function revokeIngestToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeTokenInput> }): Promise<{ id: string; revokedAt: Date }> {
  authorize(ctx, ['admin']);
  const { tenant: slug, id } = revokeTokenInput.parse(input);
  const tenant = await requireTenant(ctx, slug);
  const token = await db.ingestToken.findFirst({ where: { id, tenantId: tenant.id }, select: { revokedAt: true } });
  if (!token) throw new AppError('not_found', { message: `token ${id} not in tenant ${slug}` });
  if (token.revokedAt) return { id, revokedAt: token.revokedAt };
  const updated = await db.ingestToken.update({ where: { id }, data: { revokedAt: new Date() }, select: { revokedAt: true } });
  return { id, revokedAt: updated.revokedAt! };
}
