import { DEFAULT_RULESET } from '../../lib/engine';
import { resetEnvForTests } from '../../lib/env';
import { quantile, timeEach } from './latency';
import { openScaleDatabase } from './scale-database';
import type { BenchSection } from './types';

// The sandbox's two server costs at scale (the same 1,000,000-message database as the messages
// section): the live check's compile of a whole draft, paid on every pause in typing, and the
// backtest of a draft over a tenant's newest 50,000 stored messages (replayHistory, the work of
// backtestDraft without its authorization, which needs Next). Goals: compile p95 ≤ 50 ms,
// backtest ≤ 2 s.

const COMPILE_GOAL_MS = 50;
const BACKTEST_GOAL_MS = 2000;

export const sandboxSection: BenchSection = {
  name: 'sandbox',
  description: 'sandbox draft compile and 50,000-message backtest, server-side ms at 1,000,000 stored messages',
  run: async (ctx) => {
    const runs = Number(ctx.options.get('runs') ?? 5);
    const scale = await openScaleDatabase(ctx);
    try {
      process.env.DATABASE_URL = scale.url;
      resetEnvForTests();
      const { db } = await import('../../lib/db');
      const { prismaDatabase } = await import('../../lib/server/messages/sql');
      const { compileSource } = await import('../../lib/server/rulesets/compiled');
      const { draftSource } = await import('../../lib/server/rulesets/draft-source');
      const { replayHistory } = await import('../../lib/server/sandbox/replay-history');
      const sql = prismaDatabase(db).query;
      // A consequential edit, so verdicts flip and the flips are listed: the spam threshold 10 points lower.
      const t = DEFAULT_RULESET.thresholds;
      const draft = { thresholds: { ...t, spam: t.spam - 10, graymail: Math.min(t.graymail, t.spam - 10) }, rules: DEFAULT_RULESET.rules };

      const compiles = await timeEach(Array.from({ length: 50 }, () => draft), async (d) => {
        if (!compileSource(draftSource(d, DEFAULT_RULESET)).ok) throw new Error('bench draft does not compile');
      });
      ctx.report('sandbox', 'draft_compile_p50', quantile(compiles, 0.5), 'ms', { rules: draft.rules.length });
      ctx.report('sandbox', 'draft_compile_p95', quantile(compiles, 0.95), 'ms', { goal: COMPILE_GOAL_MS, ok: quantile(compiles, 0.95) <= COMPILE_GOAL_MS });

      const [{ id: tenantId }] = await sql<{ id: string }>(`SELECT id::text AS id FROM tenants WHERE slug = $1`, [scale.tenant]);
      let replayed = 0;
      let changed = 0;
      const times = await timeEach(Array.from({ length: runs }, () => draft), async (d) => {
        const r = await replayHistory({ sql, tenantId, draft: d });
        replayed = r.replayed;
        changed = r.changed;
      }, 1);
      const median = quantile(times, 0.5);
      ctx.log(`sandbox: ${scale.messages.toLocaleString('en-US')} stored messages; backtest replays ${replayed.toLocaleString('en-US')} (${changed.toLocaleString('en-US')} flip), ${runs} runs after a warm-up`);
      ctx.report('sandbox', 'backtest_median', median, 'ms', { messages: replayed, goal: BACKTEST_GOAL_MS, ok: median <= BACKTEST_GOAL_MS, max: Math.round(times.at(-1) ?? 0) });
      ctx.report('sandbox', 'backtest_throughput', replayed / (median / 1000), 'msg/s');
      await db.$disconnect();
    } finally {
      await scale.server.stop();
    }
  },
};
