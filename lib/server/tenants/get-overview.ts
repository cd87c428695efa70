import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { requireTenant, type Ctx } from '@/lib/server/auth';

export type TenantOverview = {
  slug: string;
  name: string;
  domains: string[];
  vips: { name: string; title: string | null; addresses: string[] }[];
};

const input = z.object({ slug: z.string().min(1).max(64) });

/** A granted tenant's header facts: name, domains, VIPs. Unknown or ungranted → not_found. */
export async function getTenantOverview({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }): Promise<TenantOverview> {
  const { slug } = input.parse(raw);
  const tenant = await requireTenant(ctx, slug);
  const vips = await db.vip.findMany({
    where: { tenantId: tenant.id },
    orderBy: { name: 'asc' },
    select: { name: true, title: true, addresses: true },
  });
  return { slug: tenant.slug, name: tenant.name, domains: tenant.domains, vips };
}
