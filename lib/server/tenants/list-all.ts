import 'server-only';
import { authorize, type Ctx } from '@/lib/server/auth';
import { listTenants, type TenantSummary } from './list';

/** Every tenant with VIP counts, for the Admin page. Admins only. */
export async function listAllTenants({ ctx }: { ctx: Ctx }): Promise<TenantSummary[]> {
  authorize(ctx, ['admin']);
  return listTenants({ ctx });
}
