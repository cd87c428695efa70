import 'server-only';
import type { Ctx } from '@/lib/server/auth';
import { listTenants } from './list';

/** Where a user lands after sign-in: their first tenant's Messages, else Admin, else "/". */
export async function getHomePath({ ctx }: { ctx: Ctx }): Promise<string> {
  const [first] = await listTenants({ ctx });
  if (first) return `/t/${first.slug}/messages`;
  return ctx.user.role === 'admin' ? '/admin' : '/';
}
