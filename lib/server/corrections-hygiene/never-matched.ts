import 'server-only';
import { db } from '@/lib/db';
import type { Correction, Plan } from '@/lib/engine';
import { authorize, type Ctx } from '@/lib/server/auth';
import { loadCandidates, scopeCondition } from '@/lib/server/corrections/candidates';
import { appliedBy, replayMessage } from '@/lib/server/corrections/replay';
import { prismaDatabase, type Sql } from '@/lib/server/messages/sql';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { hygieneInput, type HygieneInput } from './input';
import { activeAt, appliedPattern, loadCorrections, tenantFilter, type HygieneCorrection } from './load';

/** Per correction and tenant, at most this many stored messages in scope are replayed. */
const MAX_REPLAYED = 20_000;

export type UnmatchedCorrection = HygieneCorrection & {
  /** Stored messages in the scope (before the guard and the rule). */
  inScope: number;
  /** Why it applies to none of them. */
  why: 'nothing_in_scope' | 'auth_guard' | 'rule_not_fired';
  /** More messages were in scope than were replayed. */
  truncated: boolean;
};

/**
 * Admin: active corrections that apply to no stored message. A stored attribution proves a match
 * cheaply; otherwise the messages in scope are replayed through the engine with the correction
 * alone (re-score runs skip messages that were safe anyway, so the absence of an attribution is
 * not proof). Corrections still being applied by a re-score run are left out.
 */
export async function listNeverMatchedCorrections({ ctx, input = {}, now = new Date() }: { ctx: Ctx; input?: HygieneInput; now?: Date }): Promise<UnmatchedCorrection[]> {
  authorize(ctx, ['admin']);
  const { tenant } = hygieneInput.parse(input);
  const { where, tenantId } = await tenantFilter(ctx, tenant);
  const corrections = await loadCorrections({ AND: [where, activeAt(now), { rescoreRuns: { none: { status: { in: ['queued', 'running'] } } } }] });
  const sql = prismaDatabase(db).query;
  const plan = await publishedPlan(sql);
  const out: UnmatchedCorrection[] = [];
  for (const c of corrections) {
    // An all-tenant correction is judged over every tenant, or the one asked about.
    const onTenant = c.tenantId ?? tenantId;
    const params: unknown[] = [appliedPattern(c.id)];
    if (onTenant) params.push(onTenant);
    const scope = scopeCondition(c.scope, params.length + 1);
    const tenants = await sql<{ tenant_id: string; in_scope: number; applied: number }>(
      `SELECT m.tenant_id::text AS tenant_id, count(*)::int AS in_scope,
              count(*) FILTER (WHERE a.decision->'attribution' @> $1::jsonb)::int AS applied
         FROM messages m JOIN message_analysis a ON a.message_id = m.id
        WHERE ${onTenant ? 'm.tenant_id = $2::uuid AND' : ''} ${scope.text}
        GROUP BY m.tenant_id`,
      [...params, ...scope.params],
    );
    if (tenants.some((t) => t.applied > 0)) continue;
    const inScope = tenants.reduce((n, t) => n + t.in_scope, 0);
    const engine: Correction = { id: String(c.id), scope: c.scope, requireAuth: c.requireAuth };
    const replay = { matched: false, unguarded: false, truncated: false };
    for (const t of tenants) {
      const found = await replayTenant(sql, plan, t.tenant_id, engine);
      Object.assign(replay, { matched: replay.matched || found.matched, unguarded: replay.unguarded || found.unguarded, truncated: replay.truncated || found.truncated });
      if (replay.matched) break;
    }
    if (replay.matched) continue;
    const why = inScope === 0 ? 'nothing_in_scope' : c.requireAuth && replay.unguarded ? 'auth_guard' : 'rule_not_fired';
    out.push({ ...c, inScope, why, truncated: replay.truncated });
  }
  return out;
}

// Stops at the first message the correction applies to. Without the guard it would have applied
// to some message: then the guard is the reason (authentication failed on all of them).
async function replayTenant(sql: Sql, plan: Plan, tenantId: string, correction: Correction) {
  const rows = await loadCandidates(sql, tenantId, correction.scope, { limit: MAX_REPLAYED + 1 });
  const unguardedCorrection = { ...correction, requireAuth: false };
  let unguarded = false;
  for (const m of rows.slice(0, MAX_REPLAYED)) {
    const decision = replayMessage(plan, m, [correction]);
    if (decision && appliedBy(decision, correction.id)) return { matched: true, unguarded: true, truncated: false };
    if (!unguarded && correction.requireAuth) {
      const loose = replayMessage(plan, m, [unguardedCorrection]);
      unguarded = !!loose && appliedBy(loose, correction.id);
    }
  }
  return { matched: false, unguarded, truncated: rows.length > MAX_REPLAYED };
}
