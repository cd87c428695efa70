import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/server/auth';

export type TenantSummary = { slug: string; name: string; domains: string[]; vipCount: number };

/** Tenants the caller may work on (admins: all), by name. Feeds the tenant switcher and Admin. */
export async function listTenants({ ctx }: { ctx: Ctx }): Promise<TenantSummary[]> {
  const tenants = await db.tenant.findMany({
    where: ctx.user.role === 'admin' ? {} : { grants: { some: { userId: ctx.user.id } } },
    orderBy: { name: 'asc' },
    select: { slug: true, name: true, domains: true, _count: { select: { vips: true } } },
  });
  return tenants.map(({ _count, ...t }) => ({ ...t, vipCount: _count.vips }));
}
