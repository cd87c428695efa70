import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { evaluate, extractSignals, identifyMessage, parseMessage, type Decision, type ParsedMessage, type SignalSet } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/server/audit/write';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { loadActiveCorrections } from '@/lib/server/corrections/active';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { diffDecisions, type DecisionDiff } from './detail/diff';
import { contextAtArrival } from './detail/scoring-context';
import { loadIngestTenant } from './load-tenant';
import { buildRows, summarize } from './row';
import { prismaDatabase } from './sql';

// "Re-score now": the stored message through today's published ruleset and the tenant's active
// corrections, with the context it had when it arrived (see contextAtArrival). Parsing and signal
// extraction run again, so engine fixes apply too.

export const rescoreMessageInput = z.object({ tenant: z.string().min(1), id: z.uuid() });

export type RescoreResult = DecisionDiff & {
  /** True when the stored decision was replaced (false when nothing changed, or a concurrent re-score already stored this result). */
  updated: boolean;
  appliedCorrections: string[];
};

export async function rescoreMessage({ ctx, input }: { ctx: Ctx; input: z.input<typeof rescoreMessageInput> }): Promise<RescoreResult> {
  authorize(ctx, areaRoles.messages);
  const q = rescoreMessageInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);
  const stored = await db.message.findFirst({
    where: { id: q.id, tenantId: tenant.id },
    select: { id: true, receivedAt: true, recipient: true, label: true, raw: { select: { raw: true } }, analysis: { select: { signals: true, decision: true } } },
  });
  if (!stored?.raw || !stored.analysis) throw new AppError('not_found', { message: `message ${q.id} not in tenant ${tenant.slug}` });
  const parsed = await parseMessage(new Uint8Array(stored.raw.raw));
  if (!parsed.ok) {
    throw new AppError('conflict', { message: `stored message no longer parses: ${parsed.error.code}`, userMessage: `This message can no longer be parsed (${parsed.error.code}), so it cannot be re-scored.` });
  }
  const profile = await loadIngestTenant(prismaDatabase(db).query, { id: tenant.id });
  if (!profile) throw new AppError('not_found', { message: `tenant ${tenant.slug} vanished` });
  const signals = extractSignals(parsed.message, contextAtArrival(stored.analysis.signals as SignalSet, profile, stored.recipient));
  const corrections = await loadActiveCorrections(tenant.id);
  const after = evaluate(await publishedPlan(), signals, { corrections, identity: identifyMessage(parsed.message) });
  const diff = diffDecisions(stored.analysis.decision as Decision, after);
  const appliedCorrections = after.attribution.flatMap((a) => (a.kind === 'correction' ? [a.correctionId] : []));
  // Only a real change is written. An identical decision would rewrite a row of the biggest
  // table and its indexes (verdict and score are indexed, so no HOT update) and log an audit row
  // for nothing; this way clicking "Re-score" is free and repeatable, and the audit log records
  // exactly the moments a stored decision was replaced.
  if (!diff.changed) return { ...diff, updated: false, appliedCorrections };
  const updated = await storeDecision({ ctx, tenantId: tenant.id, messageId: stored.id, parsed: parsed.message, signals, after, receivedAt: stored.receivedAt, recipient: stored.recipient });
  return { ...diff, updated, appliedCorrections };
}

type StoreInput = {
  ctx: Ctx;
  tenantId: string;
  messageId: string;
  parsed: ParsedMessage;
  signals: SignalSet;
  after: Decision;
  receivedAt: Date;
  recipient: string;
};

/** Replaces the stored decision and keeps the sender/recipient counters consistent with it, in one transaction. */
async function storeDecision(input: StoreInput): Promise<boolean> {
  const { row, analysis } = buildRows({ message: summarize(input.parsed), signals: input.signals, decision: input.after, recipient: input.recipient, receivedAt: input.receivedAt, label: null });
  return db.$transaction(async (tx) => {
    // Lock the row and compare with what is stored *now*: two concurrent re-scores must not both
    // apply their counter deltas.
    const [locked] = await tx.$queryRawUnsafe<{ from_address: string; from_domain: string; recipient: string; decision: Decision }[]>(
      `SELECT m.from_address, m.from_domain, m.recipient, a.decision FROM messages m JOIN message_analysis a ON a.message_id = m.id
        WHERE m.id = $1::uuid AND m.tenant_id = $2::uuid FOR UPDATE OF m`,
      input.messageId,
      input.tenantId,
    );
    if (!locked) throw new AppError('not_found', { message: `message ${input.messageId} deleted during re-score` });
    const current = locked.decision;
    if (!diffDecisions(current, input.after).changed) return false;
    await tx.$executeRawUnsafe(
      `UPDATE messages SET verdict = $3, score = $4, action = $5, flagged = $6, top_reason = $7, fired_rules = $8::text[], ruleset_version = $9
        WHERE id = $1::uuid AND tenant_id = $2::uuid`,
      input.messageId, input.tenantId, row.verdict, row.score, row.action, row.flagged, row.topReason, row.firedRules, row.rulesetVersion,
    );
    await tx.$executeRawUnsafe(
      `UPDATE message_analysis SET signals = $2::jsonb, decision = $3::jsonb, layout_key = $4, packed_num = $5, packed_str = $6::text[] WHERE message_id = $1::uuid`,
      input.messageId, analysis.signals, analysis.decision, analysis.layoutKey, analysis.packedNum, analysis.packedStr,
    );
    await adjustCounters(tx, input.tenantId, locked, current, input.after);
    await writeAudit(tx, {
      actorId: input.ctx.user.id,
      action: 'rescore',
      entity: 'message',
      entityId: input.messageId,
      tenantId: input.tenantId,
      data: { before: summary(current), after: summary(input.after) },
    });
    return true;
  });
}

const summary = (d: Decision) => ({ verdict: d.verdict, score: d.score, action: d.action, rulesetVersion: d.rulesetVersion, corrections: d.attribution.flatMap((a) => (a.kind === 'correction' ? [a.correctionId] : [])) });
const releasedByCorrection = (d: Decision) => d.verdict === 'safe' && d.attribution.some((a) => a.kind === 'correction' && a.effect === 'allow');
const bit = (b: boolean) => (b ? 1 : 0);

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * The stats tables count flagged, corrected-safe and safe messages (the engine's sender and
 * recipient context for later mail); a replaced decision moves this message between those counts.
 */
async function adjustCounters(tx: Tx, tenantId: string, m: { from_address: string; from_domain: string; recipient: string }, before: Decision, after: Decision) {
  const flagged = bit(after.flagged) - bit(before.flagged);
  const correctedSafe = bit(releasedByCorrection(after)) - bit(releasedByCorrection(before));
  const safe = bit(after.verdict === 'safe') - bit(before.verdict === 'safe');
  if (flagged || correctedSafe) {
    await tx.$executeRawUnsafe(
      `UPDATE sender_stats SET flagged = greatest(0, flagged + $3), corrected_safe = greatest(0, corrected_safe + $4) WHERE tenant_id = $1::uuid AND address = $2`,
      tenantId, m.from_address, flagged, correctedSafe,
    );
    await tx.$executeRawUnsafe(
      `UPDATE sender_domain_stats SET flagged = greatest(0, flagged + $3), corrected_safe = greatest(0, corrected_safe + $4) WHERE tenant_id = $1::uuid AND domain = $2`,
      tenantId, m.from_domain, flagged, correctedSafe,
    );
  }
  if (safe) {
    await tx.$executeRawUnsafe(`UPDATE recipient_stats SET safe = greatest(0, safe + $3) WHERE tenant_id = $1::uuid AND recipient = $2`, tenantId, m.recipient, safe);
  }
}
