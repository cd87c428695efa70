import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/server/audit/write';
import { authorize, requireTenant, type Ctx } from '@/lib/server/auth';

export const revokeTokenInput = z.object({ tenant: z.string().min(1), id: z.uuid() });

/** Admin: revokes a token (idempotent; the row stays for the audit trail, and only the first revocation is audited). */
export async function revokeIngestToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeTokenInput> }): Promise<{ id: string; revokedAt: Date }> {
  authorize(ctx, ['admin']);
  const { tenant: slug, id } = revokeTokenInput.parse(input);
  const tenant = await requireTenant(ctx, slug);
  return db.$transaction(async (tx) => {
    const token = await tx.ingestToken.findFirst({ where: { id, tenantId: tenant.id }, select: { name: true, revokedAt: true } });
    if (!token) throw new AppError('not_found', { message: `token ${id} not in tenant ${slug}` });
    if (token.revokedAt) return { id, revokedAt: token.revokedAt };
    const revokedAt = new Date();
    // Conditional, so two admins revoking at once write one revocation and one audit row.
    const { count } = await tx.ingestToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) {
      const current = await tx.ingestToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
      return { id, revokedAt: current.revokedAt! };
    }
    await writeAudit(tx, { actorId: ctx.user.id, action: 'revoke', entity: 'token', entityId: id, tenantId: tenant.id, data: { name: token.name, tenant: slug } });
    return { id, revokedAt };
  });
}
