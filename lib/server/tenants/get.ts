import 'server-only';
import { requireTenant, type Ctx } from '@/lib/server/auth';

export type TenantInfo = { slug: string; name: string; domains: string[] };

/** A tenant the caller may work on; unknown or ungranted → not_found (see requireTenant). */
export async function getTenant({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<TenantInfo> {
  const { slug, name, domains } = await requireTenant(ctx, input.slug);
  return { slug, name, domains };
}
