import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { loadActiveCorrectionsWith } from '@/lib/server/corrections/active';
import { loadTenantHistory } from '@/lib/server/corrections/candidates';
import { replayMessage } from '@/lib/server/corrections/replay';
import type { Sql } from '@/lib/server/messages/sql';
import { compileSource } from '@/lib/server/rulesets/compiled';
import { draftSource } from '@/lib/server/rulesets/draft-source';
import type { rulesetDraft } from '@/lib/server/rulesets/input';
import { diagnosticIssues } from '@/lib/server/rulesets/issues';
import { loadPublishedRuleset } from '@/lib/server/rulesets/published';
import { createFigures, type BacktestFigures } from './figures';

// The backtest's work, apart from who may ask (backtest.ts), so the bench runs exactly this: the
// tenant's stored history replayed through the published ruleset and through the draft, both
// from the signals stored at ingest (packed vectors: no message is parsed again) and with today's
// active corrections. Read-only.

/** The newest this many stored messages are replayed; the result says when history is longer. */
export const MAX_BACKTEST = 50_000;
const MAX_FLIPS = 200;

export type HistoryReplay = BacktestFigures & {
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

type Args = { sql: Sql; tenantId: string; draft: z.output<typeof rulesetDraft>; limit?: number };

export async function replayHistory({ sql, tenantId, draft, limit = MAX_BACKTEST }: Args): Promise<HistoryReplay> {
  const started = performance.now();
  const published = await loadPublishedRuleset(sql);
  const compiled = compileSource(draftSource(draft, published.source));
  if (!compiled.ok) {
    throw new AppError('invalid_input', { message: 'draft does not compile', userMessage: 'Fix the rule errors before backtesting.', issues: diagnosticIssues(compiled.diagnostics) });
  }
  const [corrections, rows] = await Promise.all([loadActiveCorrectionsWith(sql, tenantId), loadTenantHistory(sql, tenantId, { limit: limit + 1 })]);
  const truncated = rows.length > limit;
  const history = rows.slice(0, limit);
  const figures = createFigures(MAX_FLIPS);
  let skipped = 0;
  for (const c of history) {
    const before = replayMessage(published.plan, c, corrections);
    const after = replayMessage(compiled.plan, c, corrections);
    if (!before || !after) {
      skipped++;
      continue;
    }
    figures.add(c, before, after);
  }
  return {
    ...figures.result(),
    publishedVersion: published.version,
    scanned: history.length,
    skipped,
    truncated,
    newest: history[0]?.receivedAt ?? null,
    oldest: history.at(-1)?.receivedAt ?? null,
    elapsedMs: Math.round(performance.now() - started),
  };
}
