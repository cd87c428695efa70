import 'server-only';
import { evaluate, type ParseErrorCode, type Plan, type SignalSet, type TenantProfile } from '@/lib/engine';
import { loadActiveCorrectionsWith } from '@/lib/server/corrections/active';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { historyStub, loadHistory, observe, recipientContext, saveHistory, senderContext, withHistory, type Observation } from './history';
import { analyzeRaw, buildRows, type Analyzed, type AnalysisRow, type Label, type MessageRow, type MessageSummary } from './row';
import type { Database } from './sql';
import { insertDetails, insertMessages } from './store';

// The one ingest pipeline (API, CLI and seed): analyze (parse + content signals; on worker threads
// in the CLI) → skip known fingerprints → load the tenant history the batch touches → add history
// signals and decide in order (updating history in memory) → one transaction that stores messages,
// raw bytes, analysis and the stats deltas.

export type IngestTenant = { id: string; slug: string; domains: string[]; vips: { name: string; addresses: string[] }[] };

export type IngestItem = {
  raw: Uint8Array;
  receivedAt: Date;
  label?: Label | null;
  /** Envelope recipient (the tenant mailbox); defaults to the first To address. */
  recipient?: string;
};

export type StoredSummary = { id: string; verdict: string; flagged: boolean; score: number };

export type IngestItemResult =
  | ({ status: 'created' | 'existing' } & StoredSummary)
  | { status: 'error'; code: ParseErrorCode; message: string };

type Pending = { index: number; item: IngestItem; message: MessageSummary; recipient: string; content: SignalSet };

export type BatchOptions = {
  /** The ruleset to score with; default: the published one, looked up once for the batch. */
  plan?: Plan;
  /** Replaces the in-thread analyzeRaw (the CLI passes a worker pool's). */
  analyze?: (raw: Uint8Array, tenant: TenantProfile, recipient?: string) => Promise<Analyzed>;
};

/** Ingests items into one tenant; results are in input order. Parse failures are results, not throws. */
export async function ingestBatch(database: Database, tenant: IngestTenant, items: IngestItem[], options: BatchOptions = {}): Promise<IngestItemResult[]> {
  const plan = options.plan ?? (await publishedPlan(database.query));
  const analyze = options.analyze ?? analyzeRaw;
  const profile = { slug: tenant.slug, domains: tenant.domains, vips: tenant.vips };
  const results: IngestItemResult[] = new Array(items.length);
  const [analyzed, empty] = await Promise.all([Promise.all(items.map((item) => analyze(item.raw, profile, item.recipient))), historyStub()]);
  const pending: Pending[] = [];
  analyzed.forEach((a, index) => {
    if (a.ok) pending.push({ index, item: items[index], message: a.summary, recipient: a.recipient, content: a.signals });
    else results[index] = { status: 'error', code: a.code, message: a.message };
  });

  const known = await findByFingerprint(database, tenant.id, pending.map((p) => p.message.fingerprint));
  const fresh: Pending[] = [];
  const firstInBatch = new Set<string>();
  const repeats: Pending[] = [];
  for (const p of pending) {
    const existing = known.get(p.message.fingerprint);
    if (existing) results[p.index] = { status: 'existing', ...existing };
    else if (firstInBatch.has(p.message.fingerprint)) repeats.push(p);
    else {
      firstInBatch.add(p.message.fingerprint);
      fresh.push(p);
    }
  }

  const recipientOf = (p: Pending) => p.recipient;
  const history = await loadHistory(database.query, tenant.id, {
    senders: fresh.map((p) => p.message.from?.address.toLowerCase() ?? ''),
    domains: fresh.map((p) => p.message.from?.registrableDomain ?? ''),
    recipients: fresh.map(recipientOf),
  });
  // Active corrections are part of the engine's input at scoring time: loaded once per batch.
  const corrections = fresh.length ? await loadActiveCorrectionsWith(database.query, tenant.id) : [];
  const scored: { p: Pending; row: MessageRow; analysis: AnalysisRow; observation: Observation & { firstTimeSender: boolean } }[] = [];
  for (const p of fresh) {
    const recipient = recipientOf(p);
    const address = p.message.from?.address.toLowerCase() ?? '';
    const domain = p.message.from?.registrableDomain ?? '';
    const at = p.item.receivedAt;
    const signals = withHistory(p.content, {
      tenant: profile,
      recipient,
      sender: senderContext(history, address, domain, at),
      recipientStats: recipientContext(history, recipient),
    }, empty);
    const decision = evaluate(plan, signals, { corrections, identity: p.message.identity });
    const { row, analysis } = buildRows({ message: p.message, signals, decision, recipient, receivedAt: at, label: p.item.label ?? null });
    const observation = { address, domain, recipient: row.recipient, at, flagged: decision.flagged, safe: decision.verdict === 'safe' };
    scored.push({ p, row, analysis, observation: { ...observation, ...observe(history, observation) } });
  }

  const inserted = await database.transaction(async (sql) => {
    const ids = await insertMessages(sql, tenant.id, scored.map((s) => s.row));
    const stored = scored.filter((s) => ids.has(s.row.id));
    await insertDetails(sql, stored.map((s) => ({ id: s.row.id, raw: s.p.item.raw, analysis: s.analysis })));
    await saveHistory(sql, tenant.id, stored.map((s) => s.observation));
    return ids;
  });

  for (const s of scored) {
    if (inserted.has(s.row.id)) results[s.p.index] = { status: 'created', id: s.row.id, verdict: s.row.verdict, flagged: s.row.flagged, score: s.row.score };
  }
  // Lost a race with a concurrent ingest of the same bytes, or repeated within this batch.
  const unresolved = [...scored.filter((s) => !inserted.has(s.row.id)).map((s) => s.p), ...repeats];
  if (unresolved.length) {
    const now = await findByFingerprint(database, tenant.id, unresolved.map((p) => p.message.fingerprint));
    for (const p of unresolved) results[p.index] = { status: 'existing', ...now.get(p.message.fingerprint)! };
  }
  return results;
}

async function findByFingerprint(database: Database, tenantId: string, fingerprints: string[]): Promise<Map<string, StoredSummary>> {
  if (!fingerprints.length) return new Map();
  const rows = await database.query<StoredSummary & { fingerprint: string }>(
    `SELECT id::text AS id, fingerprint, verdict, flagged, score FROM messages WHERE tenant_id = $1::uuid AND fingerprint = ANY($2::text[])`,
    [tenantId, fingerprints],
  );
  return new Map(rows.map(({ fingerprint, ...rest }) => [fingerprint, rest]));
}
