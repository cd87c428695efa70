import 'server-only';
import { db } from '@/lib/db';
import { authorize, type Ctx } from '@/lib/server/auth';
import { loadActiveCorrectionsWith } from '@/lib/server/corrections/active';
import { loadCandidates, scopeCondition } from '@/lib/server/corrections/candidates';
import { isMalicious, replayMessage } from '@/lib/server/corrections/replay';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { hygieneInput, type HygieneInput } from './input';
import { activeAt, appliedPattern, loadCorrections, tenantFilter, type HygieneCorrection } from './load';

const SAMPLE_SIZE = 20;

export type MaliciousRelease = {
  messageId: string;
  tenant: string;
  receivedAt: Date;
  fromAddress: string;
  subject: string;
  /** Ground truth, when known (phish / spam / ham). */
  label: string | null;
  /** What the engine said without this correction. */
  verdictBefore: string;
};

export type CorrectionWithMaliciousReleases = HygieneCorrection & { released: number; messages: MaliciousRelease[] };

/**
 * Admin: active corrections that release (deliver) messages which are malicious: labelled phish or
 * spam, or an `attack` verdict without the correction. "Released" is decided by the engine, not
 * guessed: each message the correction currently applies to and that is not flagged is replayed
 * with the tenant's other active corrections, and counts when that replay flags it.
 */
export async function listCorrectionsReleasingMalicious({ ctx, input = {}, now = new Date() }: { ctx: Ctx; input?: HygieneInput; now?: Date }): Promise<CorrectionWithMaliciousReleases[]> {
  authorize(ctx, ['admin']);
  const { tenant } = hygieneInput.parse(input);
  const { where, tenantId } = await tenantFilter(ctx, tenant);
  const corrections = await loadCorrections({ AND: [where, activeAt(now)] });
  const sql = prismaDatabase(db).query;
  const plan = await publishedPlan(sql);
  const slugs = new Map((await db.tenant.findMany({ select: { id: true, slug: true } })).map((t) => [t.id, t.slug]));
  const activeByTenant = new Map<string, Awaited<ReturnType<typeof loadActiveCorrectionsWith>>>();
  const out: CorrectionWithMaliciousReleases[] = [];
  for (const c of corrections) {
    const onTenant = c.tenantId ?? tenantId;
    const params: unknown[] = [appliedPattern(c.id)];
    if (onTenant) params.push(onTenant);
    const scope = scopeCondition(c.scope, params.length + 1);
    // Delivered messages this correction decides; the replay below says which it released.
    const applied = await sql<{ id: string; tenant_id: string }>(
      `SELECT m.id::text AS id, m.tenant_id::text AS tenant_id
         FROM messages m JOIN message_analysis a ON a.message_id = m.id
        WHERE ${onTenant ? 'm.tenant_id = $2::uuid AND' : ''} ${scope.text}
          AND NOT m.flagged AND a.decision->'attribution' @> $1::jsonb
        ORDER BY m.received_at DESC, m.id DESC`,
      [...params, ...scope.params],
    );
    const found = { released: 0, messages: [] as MaliciousRelease[] };
    for (const [tenantOf, ids] of groupByTenant(applied)) {
      if (!activeByTenant.has(tenantOf)) activeByTenant.set(tenantOf, await loadActiveCorrectionsWith(sql, tenantOf, now));
      const others = activeByTenant.get(tenantOf)!.filter((x) => x.id !== String(c.id));
      for (const m of await loadCandidates(sql, tenantOf, c.scope, { ids })) {
        const before = replayMessage(plan, m, others);
        if (!before?.flagged || !isMalicious(m, before)) continue;
        found.released++;
        if (found.messages.length < SAMPLE_SIZE) {
          found.messages.push({ messageId: m.id, tenant: slugs.get(tenantOf) ?? tenantOf, receivedAt: m.receivedAt, fromAddress: m.fromAddress, subject: m.subject, label: m.label, verdictBefore: before.verdict });
        }
      }
    }
    if (found.released) out.push({ ...c, ...found });
  }
  return out.sort((a, b) => b.released - a.released || a.id - b.id);
}

function groupByTenant(rows: { id: string; tenant_id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.tenant_id, [...(groups.get(r.tenant_id) ?? []), r.id]);
  return groups;
}
