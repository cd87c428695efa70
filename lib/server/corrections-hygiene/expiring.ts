import 'server-only';
import { authorize, type Ctx } from '@/lib/server/auth';
import { hygieneInput, type HygieneInput } from './input';
import { loadCorrections, tenantFilter, type HygieneCorrection } from './load';

const DAY_MS = 86_400_000;

/** Admin: active corrections whose expiry falls within the next `days` (default 7), soonest first. */
export async function listExpiringCorrections({ ctx, input = {}, now = new Date() }: { ctx: Ctx; input?: HygieneInput; now?: Date }): Promise<HygieneCorrection[]> {
  authorize(ctx, ['admin']);
  const { tenant, days } = hygieneInput.parse(input);
  const { where } = await tenantFilter(ctx, tenant);
  return loadCorrections({ AND: [where, { status: 'active', expiresAt: { gt: now, lte: new Date(now.getTime() + days * DAY_MS) } }] }, { expiresAt: 'asc' });
}
