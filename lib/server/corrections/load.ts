import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/server/auth';
import type { Tx } from './events';

/** The tenant ids a caller may see corrections of (null = every tenant, for admins). */
export async function visibleTenantIds(ctx: Ctx): Promise<string[] | null> {
  if (ctx.user.role === 'admin') return null;
  const grants = await db.tenantGrant.findMany({ where: { userId: ctx.user.id }, select: { tenantId: true } });
  return grants.map((g) => g.tenantId);
}

/**
 * One correction the caller may see: its tenant is granted to them (admins: any), or it applies
 * to all tenants. Anything else is `not_found`, indistinguishable from a missing id.
 */
export async function loadVisibleCorrection(ctx: Ctx, id: number, client: Tx | typeof db = db) {
  const row = await client.correction.findUnique({ where: { id }, include: { tenant: { select: { slug: true, name: true } } } });
  if (!row) throw new AppError('not_found', { message: `correction ${id} not found` });
  if (row.tenantId && ctx.user.role !== 'admin') {
    const grant = await client.tenantGrant.findUnique({ where: { userId_tenantId: { userId: ctx.user.id, tenantId: row.tenantId } } });
    if (!grant) throw new AppError('not_found', { message: `correction ${id} not visible to ${ctx.user.id}` });
  }
  return row;
}

export type CorrectionRow = Awaited<ReturnType<typeof loadVisibleCorrection>>;

/** 409 for a stale version: someone else changed the correction after the caller loaded it. */
export function staleVersion(id: number): AppError {
  return new AppError('conflict', {
    message: `correction ${id}: stale version`,
    userMessage: `Correction #${id} was changed by someone else. Reload to see the latest version, then try again.`,
  });
}
