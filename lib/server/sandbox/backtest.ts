import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { rulesetDraft } from '@/lib/server/rulesets/input';
import { replayHistory, type HistoryReplay } from './replay-history';

export const backtestDraftInput = z.object({ tenant: z.string().min(1), draft: rulesetDraft });

export type BacktestResult = HistoryReplay & { tenant: string };

/** The sandbox's backtest of a draft over one tenant's stored history (engineers and admins). Read-only. */
export async function backtestDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof backtestDraftInput> }): Promise<BacktestResult> {
  authorize(ctx, areaRoles.sandbox);
  const q = backtestDraftInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);
  return { ...(await replayHistory({ sql: prismaDatabase(db).query, tenantId: tenant.id, draft: q.draft })), tenant: tenant.slug };
}
