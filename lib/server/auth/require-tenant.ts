import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from './context';

export type TenantRef = { id: string; slug: string; name: string; domains: string[] };

const slugShape = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The tenant with this slug if the caller may work on it (admins: every tenant; others: only
 * granted ones). Unknown and ungranted slugs both throw `not_found` — never `forbidden` — so
 * tenants cannot be enumerated by probing slugs.
 */
export async function requireTenant(ctx: Ctx, slug: string): Promise<TenantRef> {
  if (!slugShape.test(slug)) throw new AppError('not_found', { message: `bad tenant slug` });
  const tenant = await db.tenant.findFirst({
    where: ctx.user.role === 'admin' ? { slug } : { slug, grants: { some: { userId: ctx.user.id } } },
    select: { id: true, slug: true, name: true, domains: true },
  });
  if (!tenant) throw new AppError('not_found', { message: `tenant ${slug} not found or not granted to ${ctx.user.id}` });
  return tenant;
}
