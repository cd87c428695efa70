import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';

const input = z.object({ tenant: z.string().min(1), id: z.string() });

/** Throws not_found unless the message exists in a tenant the caller may see (a primary-key probe). */
export async function requireMessage({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }): Promise<void> {
  authorize(ctx, areaRoles.messages);
  const q = input.parse(raw);
  const tenant = await requireTenant(ctx, q.tenant);
  // A malformed id is just another id that is not here.
  const found = z.uuid().safeParse(q.id).success && (await db.message.findFirst({ where: { id: q.id, tenantId: tenant.id }, select: { id: true } }));
  if (!found) throw new AppError('not_found', { message: `message ${q.id} not in tenant ${tenant.slug}` });
}
