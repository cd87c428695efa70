import 'server-only';
import type { Correction, CorrectionScope } from '@/lib/engine';
import type { Sql } from '@/lib/server/messages/sql';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { loadActiveCorrectionsWith } from './active';
import { describeScopeHistory, loadCandidates } from './candidates';
import { checkGuardrails, type GuardrailWarning } from './guardrails';
import { needsApproval } from './policy';
import { appliedBy, authAlignedOf, isMalicious, replayMessage } from './replay';

// The impact preview: replay the correction over the tenant's stored history with the engine.
// "Released" means flagged with today's active corrections and not flagged once this one is
// added, so corrections that already apply are not counted twice.

/** At most this many stored messages in scope are replayed; the result says when it stopped short. */
const MAX_REPLAYED = 20_000;
const SAMPLE_SIZE = 25;
const PREVIEW_ID = 'preview';

export type PreviewSample = { id: string; receivedAt: Date; fromAddress: string; subject: string; verdict: string; label: string | null; malicious: boolean };

export type PreviewFigures = {
  /** Stored messages in the scope (before the authentication guard). */
  scanned: number;
  /** Flagged messages in the scope that the correction would apply to. */
  matched: number;
  released: number;
  /** Released messages labelled phish/spam or flagged as attack. */
  releasedMalicious: number;
  /** Flagged, in scope, but not authenticated: the guard keeps them flagged. */
  guardSkipped: number;
  truncated: boolean;
  sample: PreviewSample[];
  /** The first released malicious messages, so the warning's list is one click away too. */
  maliciousSample: PreviewSample[];
};

export type PreviewResult = PreviewFigures & { tenant: string; warnings: GuardrailWarning[]; needsApproval: boolean };

export type PreviewArgs = {
  sql: Sql;
  tenant: { id: string; slug: string; domains: string[] };
  scope: CorrectionScope;
  requireAuth: boolean;
  allTenants: boolean;
  dedupeKey: string;
  originAddress: string | null;
  now: Date;
};

export async function computePreview(a: PreviewArgs): Promise<PreviewResult> {
  const figures = await replayScope(a);
  // The evidence: who sent what it would release; failing that, who sent anything in its scope.
  const evidence = new Set((figures.releasedAddresses.length ? figures.releasedAddresses : figures.scopeSenders).filter(Boolean));
  if (evidence.size === 0 && a.originAddress) evidence.add(a.originAddress);
  const warnings = await checkGuardrails({
    sql: a.sql, tenant: a.tenant, scope: a.scope, requireAuth: a.requireAuth, allTenants: a.allTenants, dedupeKey: a.dedupeKey, now: a.now,
    evidenceAddresses: [...evidence], releasedMalicious: figures.releasedMalicious,
  });
  const { scanned, matched, released, releasedMalicious, guardSkipped, truncated, sample, maliciousSample } = figures;
  return { scanned, matched, released, releasedMalicious, guardSkipped, truncated, sample, maliciousSample, tenant: a.tenant.slug, warnings, needsApproval: needsApproval(a.scope, a.allTenants) };
}

async function replayScope(a: PreviewArgs) {
  const plan = await publishedPlan(a.sql);
  const active = await loadActiveCorrectionsWith(a.sql, a.tenant.id, a.now);
  const candidate: Correction = { id: PREVIEW_ID, scope: a.scope, requireAuth: a.requireAuth };
  const withCandidate = [...active, candidate];
  // Only flagged messages can be released, so only they are replayed; the scope's size and
  // senders come from one cheap query.
  const [history, rows] = await Promise.all([
    describeScopeHistory(a.sql, a.tenant.id, a.scope),
    loadCandidates(a.sql, a.tenant.id, a.scope, { limit: MAX_REPLAYED + 1, filter: 'flagged' }),
  ]);
  const truncated = rows.length > MAX_REPLAYED;
  const out = { scanned: history.messages, matched: 0, released: 0, releasedMalicious: 0, guardSkipped: 0, truncated, sample: [] as PreviewSample[], maliciousSample: [] as PreviewSample[] };
  const releasedAddresses = new Set<string>();
  for (const c of rows.slice(0, MAX_REPLAYED)) {
    const before = replayMessage(plan, c, active);
    const after = replayMessage(plan, c, withCandidate);
    if (!before || !after) continue;
    if (!appliedBy(after, PREVIEW_ID)) {
      // Did the guard alone stop it? Replaying without it answers exactly that.
      // The guard can only be what stopped it when From did not authenticate.
      if (!a.requireAuth || authAlignedOf(plan, c)) continue;
      const unguarded = replayMessage(plan, c, [...active, { ...candidate, requireAuth: false }]);
      if (unguarded && appliedBy(unguarded, PREVIEW_ID)) out.guardSkipped++;
      continue;
    }
    out.matched++;
    if (!before.flagged || after.flagged) continue;
    out.released++;
    releasedAddresses.add(c.fromAddress);
    const malicious = isMalicious(c, before);
    const sample = { id: c.id, receivedAt: c.receivedAt, fromAddress: c.fromAddress, subject: c.subject, verdict: before.verdict, label: c.label, malicious };
    if (malicious) {
      out.releasedMalicious++;
      if (out.maliciousSample.length < SAMPLE_SIZE) out.maliciousSample.push(sample);
    }
    if (out.sample.length < SAMPLE_SIZE) out.sample.push(sample);
  }
  return { ...out, releasedAddresses: [...releasedAddresses], scopeSenders: history.senders };
}
