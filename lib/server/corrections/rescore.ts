import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Decision } from '@/lib/engine';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { loadActiveCorrectionsWith } from './active';
import { listCandidateIds, loadCandidates, type Candidate } from './candidates';
import { recordChange, type Tx } from './events';
import { replayMessage } from './replay';
import { scopeFromColumns } from './scope';

// Re-score runs: when a correction starts or stops applying, the stored messages it can touch
// are re-evaluated from their stored signals with the tenant's active corrections at that moment,
// and their decision and summary columns updated. They run in-process after the transaction that
// changed the correction commits; progress is in rescore_runs so the UI can poll it. Runs of one
// tenant are serialised (a later run then always sees the latest corrections), and a run the
// process did not finish (restart) is resumed by the sweeper: re-scoring is idempotent.

export type RescoreReason = 'applied' | 'approved' | 'revoked' | 'expired' | 'resumed';

const CHUNK = 100;

// On globalThis, not module scope: Next may load this module more than once in one process
// (route bundles, instrumentation, dev reloads) and the per-tenant queue must be one.
type RunState = { tails: Map<string, Promise<void>>; running: Set<string>; inFlight: Set<Promise<void>> };
const shared = globalThis as unknown as { triageRescoreRuns?: RunState };
const { tails, running, inFlight } = (shared.triageRescoreRuns ??= { tails: new Map(), running: new Set(), inFlight: new Set() });

/** Creates one queued run per tenant the correction reaches and starts them in the background. */
export async function startRescoreRuns(correctionId: number, reason: RescoreReason): Promise<string[]> {
  const correction = await db.correction.findUniqueOrThrow({ where: { id: correctionId }, select: { tenantId: true } });
  const tenantIds = correction.tenantId ? [correction.tenantId] : (await db.tenant.findMany({ select: { id: true }, orderBy: { slug: 'asc' } })).map((t) => t.id);
  const ids: string[] = [];
  for (const tenantId of tenantIds) {
    const id = randomUUID();
    await db.$transaction(async (tx) => {
      await tx.rescoreRun.create({ data: { id, tenantId, correctionId, reason } });
      await recordChange(tx, { correctionId, tenantId: correction.tenantId, kind: 'rescore_started', actorId: null, data: { runId: id, reason, tenantId }, auditAction: null });
    });
    ids.push(id);
    scheduleRun(id, tenantId);
  }
  return ids;
}

/** Queues a run behind the tenant's previous one. */
export function scheduleRun(runId: string, tenantId: string): void {
  if (running.has(runId)) return;
  running.add(runId);
  const previous = tails.get(tenantId) ?? Promise.resolve();
  const next = previous.then(() => executeRun(runId)).catch((error: unknown) => console.error(`rescore run ${runId} crashed`, error)).finally(() => running.delete(runId));
  tails.set(tenantId, next);
  inFlight.add(next);
  void next.finally(() => {
    inFlight.delete(next);
    if (tails.get(tenantId) === next) tails.delete(tenantId);
  });
}

/** Waits until every run started in this process has finished (tests, graceful shutdown). */
export async function settleRescoreRuns(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/** Whether this process is running (or has queued) the run. */
export function isRunLocal(runId: string): boolean {
  return running.has(runId);
}

async function executeRun(runId: string): Promise<void> {
  const run = await db.rescoreRun.findUnique({ where: { id: runId }, include: { correction: true } });
  if (!run || run.status === 'finished' || run.status === 'failed') return;
  const c = run.correction;
  const counts = { total: 0, done: 0, released: 0, restored: 0 };
  try {
    const sql = prismaDatabase(db).query;
    const scope = scopeFromColumns({ scope_kind: c.scopeKind, scope_address: c.scopeAddress, scope_domain: c.scopeDomain, scope_rule_id: c.scopeRuleId, scope_fingerprint: c.scopeFingerprint });
    const ids = await listCandidateIds(sql, run.tenantId, scope, 'changeable');
    counts.total = ids.length;
    await db.rescoreRun.update({ where: { id: runId }, data: { status: 'running', startedAt: new Date(), total: ids.length, done: 0, released: 0, restored: 0, error: null } });
    // One ruleset for the whole run: chunks must not disagree if a version is published mid-run.
    const plan = await publishedPlan(sql);
    for (let i = 0; i < ids.length; i += CHUNK) {
      // Reloaded per chunk: a correction that changes mid-run is honoured from the next chunk on,
      // and the run queued for that change re-scores everything again afterwards.
      const corrections = await loadActiveCorrectionsWith(sql, run.tenantId, new Date());
      const rows = await loadCandidates(sql, run.tenantId, scope, { withSignals: true, ids: ids.slice(i, i + CHUNK) });
      await db.$transaction(async (tx) => {
        const deltas: StatsDelta[] = [];
        for (const row of rows) {
          const decision = replayMessage(plan, row, corrections);
          if (!decision || sameOutcome(row.decision, decision)) continue;
          if (row.flagged && !decision.flagged) counts.released++;
          if (!row.flagged && decision.flagged) counts.restored++;
          await storeDecision(tx, row.id, decision);
          deltas.push(statsDelta(row, decision));
        }
        await applyStatsDeltas(tx, run.tenantId, deltas);
        counts.done = Math.min(ids.length, i + CHUNK);
        await tx.rescoreRun.update({ where: { id: runId }, data: { done: counts.done, released: counts.released, restored: counts.restored } });
      }, { timeout: 60_000 });
    }
    await db.$transaction(async (tx) => {
      await tx.rescoreRun.update({ where: { id: runId }, data: { status: 'finished', finishedAt: new Date(), done: counts.total } });
      await recordChange(tx, { correctionId: c.id, tenantId: c.tenantId, kind: 'rescore_finished', actorId: null, data: { runId, reason: run.reason, tenantId: run.tenantId, ...counts, done: counts.total }, auditAction: null });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    console.error(`rescore run ${runId} failed`, error);
    await db.$transaction(async (tx) => {
      await tx.rescoreRun.update({ where: { id: runId }, data: { status: 'failed', finishedAt: new Date(), error: message } });
      await recordChange(tx, { correctionId: c.id, tenantId: c.tenantId, kind: 'rescore_failed', actorId: null, data: { runId, reason: run.reason, ...counts, error: message }, auditAction: null });
    }).catch((e: unknown) => console.error(`rescore run ${runId}: could not record the failure`, e));
  }
}

function correctionIds(d: Decision | null): string {
  return (d?.attribution ?? []).flatMap((a) => (a.kind === 'correction' ? [`${a.correctionId}:${a.effect}`] : [])).sort().join(',');
}

/** Unchanged verdict, score, action and applied corrections: nothing to write. */
function sameOutcome(stored: Decision | null, next: Decision): boolean {
  return !!stored && stored.verdict === next.verdict && stored.score === next.score && stored.action === next.action
    && stored.rulesetVersion === next.rulesetVersion && correctionIds(stored) === correctionIds(next);
}

/** Writes the new decision and the list columns derived from it (the same derivation as ingest's row.ts). */
async function storeDecision(tx: Tx, messageId: string, d: Decision): Promise<void> {
  const top = d.attribution.find((a) => a.contribution > 0);
  const topReason = !top ? null : top.kind === 'rule' ? top.title : top.kind === 'model' ? `model: ${top.feature}` : `correction ${top.correctionId}`;
  const firedRules = d.attribution.flatMap((a) => (a.kind === 'rule' ? [a.ruleId] : []));
  await tx.$executeRawUnsafe(
    `UPDATE messages SET verdict = $2, score = $3, action = $4, flagged = $5, top_reason = $6, fired_rules = $7::text[], ruleset_version = $8 WHERE id = $1::uuid`,
    messageId, d.verdict, d.score, d.action, d.flagged, topReason, firedRules, d.rulesetVersion,
  );
  const json = JSON.stringify(d, (_k, v: unknown) => (typeof v === 'string' ? v.replace(/\0/g, '') : v));
  await tx.$executeRawUnsafe(`UPDATE message_analysis SET decision = $2::jsonb WHERE message_id = $1::uuid`, messageId, json);
}

type StatsDelta = { address: string; domain: string; recipient: string; flagged: number; safe: number; correctedSafe: number };

const allowedSafe = (d: Decision | null, verdict: string) => verdict === 'safe' && !!d?.attribution.some((a) => a.kind === 'correction' && a.effect === 'allow');

/** How one message's change moves the tenant history counters that ingest keeps (lib/server/messages/history.ts). */
function statsDelta(row: Candidate, next: Decision): StatsDelta {
  return {
    address: row.fromAddress, domain: row.fromDomain, recipient: row.recipient,
    flagged: Number(next.flagged) - Number(row.flagged),
    safe: Number(next.verdict === 'safe') - Number(row.verdict === 'safe'),
    correctedSafe: Number(allowedSafe(next, next.verdict)) - Number(allowedSafe(row.decision, row.verdict)),
  };
}

/**
 * Keeps sender/domain/recipient counters in step with the re-scored decisions, so history signals
 * (flagged share, corrected-safe share, recipient safe share) see what the tenant now sees.
 * Clamped at zero: counters written before this existed may be lower than the deltas.
 */
async function applyStatsDeltas(tx: Tx, tenantId: string, deltas: StatsDelta[]): Promise<void> {
  if (!deltas.length) return;
  const sum = (key: (d: StatsDelta) => string) => {
    const m = new Map<string, { flagged: number; safe: number; correctedSafe: number }>();
    for (const d of deltas) {
      const k = key(d);
      if (!k) continue;
      const acc = m.get(k) ?? { flagged: 0, safe: 0, correctedSafe: 0 };
      acc.flagged += d.flagged;
      acc.safe += d.safe;
      acc.correctedSafe += d.correctedSafe;
      m.set(k, acc);
    }
    return m;
  };
  const senders = sum((d) => d.address);
  const domains = sum((d) => d.domain);
  const recipients = sum((d) => d.recipient);
  const cols = (m: Map<string, { flagged: number; correctedSafe: number }>) => [[...m.keys()], [...m.values()].map((v) => v.flagged), [...m.values()].map((v) => v.correctedSafe)];
  for (const [table, key, m] of [['sender_stats', 'address', senders], ['sender_domain_stats', 'domain', domains]] as const) {
    if (!m.size) continue;
    await tx.$executeRawUnsafe(
      `UPDATE ${table} s SET flagged = greatest(0, s.flagged + u.f), corrected_safe = greatest(0, s.corrected_safe + u.c)
         FROM unnest($2::text[], $3::int[], $4::int[]) AS u(k, f, c) WHERE s.tenant_id = $1::uuid AND s.${key} = u.k`,
      tenantId, ...cols(m),
    );
  }
  if (recipients.size) {
    await tx.$executeRawUnsafe(
      `UPDATE recipient_stats s SET safe = greatest(0, s.safe + u.d) FROM unnest($2::text[], $3::int[]) AS u(k, d) WHERE s.tenant_id = $1::uuid AND s.recipient = u.k`,
      tenantId, [...recipients.keys()], [...recipients.values()].map((v) => v.safe),
    );
  }
}
