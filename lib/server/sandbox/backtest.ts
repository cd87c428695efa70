import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { loadActiveCorrectionsWith } from '@/lib/server/corrections/active';
import { loadTenantHistory } from '@/lib/server/corrections/candidates';
import { replayMessage } from '@/lib/server/corrections/replay';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { loadPublishedRuleset, publishedPlan } from '@/lib/server/rulesets/published';
import { rulesetDraft } from '@/lib/server/rulesets/input';
import { diagnosticIssues } from '@/lib/server/rulesets/issues';
import { compileSource } from '@/lib/server/rulesets/compiled';
import { draftSource } from '@/lib/server/rulesets/draft-source';
import { createFigures, type BacktestFigures } from './figures';

// The backtest: the tenant's stored history replayed through the published ruleset and through
// the draft, both from the signals stored at ingest (packed vectors, so no message is parsed
// again) and with today's active corrections. Read-only.

/** The newest this many stored messages are replayed; the result says when history is longer. */
export const MAX_BACKTEST = 50_000;
const MAX_FLIPS = 200;

export const backtestDraftInput = z.object({ tenant: z.string().min(1), draft: rulesetDraft });

export type BacktestResult = BacktestFigures & {
  tenant: string;
  publishedVersion: string;
  /** Stored messages loaded. */
  scanned: number;
  /** Stored with a signal layout older than the engine's: they need a re-score before they can be replayed. */
  skipped: number;
  truncated: boolean;
  oldest: Date | null;
  newest: Date | null;
  elapsedMs: number;
};

export async function backtestDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof backtestDraftInput> }): Promise<BacktestResult> {
  authorize(ctx, areaRoles.sandbox);
  const q = backtestDraftInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);
  const started = performance.now();
  const published = await loadPublishedRuleset();
  const compiled = compileSource(draftSource(q.draft, published.source));
  if (!compiled.ok) {
    throw new AppError('invalid_input', { message: 'draft does not compile', userMessage: 'Fix the rule errors before backtesting.', issues: diagnosticIssues(compiled.diagnostics) });
  }
  const sql = prismaDatabase(db).query;
  const [plan, corrections, rows] = await Promise.all([
    publishedPlan(),
    loadActiveCorrectionsWith(sql, tenant.id),
    loadTenantHistory(sql, tenant.id, { limit: MAX_BACKTEST + 1 }),
  ]);
  const truncated = rows.length > MAX_BACKTEST;
  const history = rows.slice(0, MAX_BACKTEST);
  const figures = createFigures(MAX_FLIPS);
  let skipped = 0;
  for (const c of history) {
    const before = replayMessage(plan, c, corrections);
    const after = replayMessage(compiled.plan, c, corrections);
    if (!before || !after) {
      skipped++;
      continue;
    }
    figures.add(c, before, after);
  }
  return {
    ...figures.result(),
    tenant: tenant.slug,
    publishedVersion: published.version,
    scanned: history.length,
    skipped,
    truncated,
    newest: history[0]?.receivedAt ?? null,
    oldest: history.at(-1)?.receivedAt ?? null,
    elapsedMs: Math.round(performance.now() - started),
  };
}
