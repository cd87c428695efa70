import 'server-only';
import { extractSignals, parseMessage, type ParsedMessage, type RecipientStats, type ScoringContext, type SenderStats, type SignalSet } from '@/lib/engine';
import type { Sql } from './sql';

// Tenant history as the engine's context needs it. A batch loads the rows it touches once, then
// scores its messages in order while updating these in-memory copies, so a batch scores exactly
// as if its messages had arrived one by one.

export type CounterRow = { messages: number; flagged: number; correctedSafe: number; firstSeenAt: Date };
export type RecipientRow = { messages: number; fromFirstTimeSenders: number; safe: number };

export type History = {
  senders: Map<string, CounterRow>;
  domains: Map<string, CounterRow>;
  recipients: Map<string, RecipientRow>;
};

const DAY_MS = 86_400_000;

export async function loadHistory(sql: Sql, tenantId: string, keys: { senders: string[]; domains: string[]; recipients: string[] }): Promise<History> {
  const counter = `messages::int AS messages, flagged::int AS flagged, corrected_safe::int AS "correctedSafe", first_seen_at AS "firstSeenAt"`;
  const [senders, domains, recipients] = await Promise.all([
    sql<CounterRow & { key: string }>(`SELECT address AS key, ${counter} FROM sender_stats WHERE tenant_id = $1::uuid AND address = ANY($2::text[])`, [tenantId, keys.senders]),
    sql<CounterRow & { key: string }>(`SELECT domain AS key, ${counter} FROM sender_domain_stats WHERE tenant_id = $1::uuid AND domain = ANY($2::text[])`, [tenantId, keys.domains]),
    sql<RecipientRow & { key: string }>(
      `SELECT recipient AS key, messages::int AS messages, from_first_time_senders::int AS "fromFirstTimeSenders", safe::int AS safe
       FROM recipient_stats WHERE tenant_id = $1::uuid AND recipient = ANY($2::text[])`,
      [tenantId, keys.recipients],
    ),
  ]);
  const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map(({ key, ...rest }) => [key, { ...rest }]));
  return {
    senders: byKey(senders) as Map<string, CounterRow>,
    domains: byKey(domains) as Map<string, CounterRow>,
    recipients: byKey(recipients) as Map<string, RecipientRow>,
  };
}

/** The engine's sender context; null only when neither the address nor its domain was seen. */
export function senderContext(history: History, address: string, domain: string, at: Date): SenderStats | null {
  const a = history.senders.get(address);
  const d = history.domains.get(domain);
  if (!a && !d) return null;
  const base = a ?? d!;
  return {
    addressMessages: a?.messages ?? 0,
    domainMessages: d?.messages ?? 0,
    firstSeenDaysAgo: a ? Math.max(0, (at.getTime() - a.firstSeenAt.getTime()) / DAY_MS) : 0,
    flaggedShare: base.messages ? base.flagged / base.messages : 0,
    correctedSafeShare: base.messages ? base.correctedSafe / base.messages : 0,
  };
}

export function recipientContext(history: History, recipient: string): RecipientStats | null {
  const r = history.recipients.get(recipient);
  if (!r || r.messages === 0) return null;
  return { messages: r.messages, firstTimeSenderShare: r.fromFirstTimeSenders / r.messages, safeShare: r.safe / r.messages };
}

export type Observation = { address: string; domain: string; recipient: string; at: Date; flagged: boolean; safe: boolean };

/** Applies one scored message to the in-memory history (the same arithmetic saveHistory persists). */
export function observe(history: History, o: Observation): { firstTimeSender: boolean } {
  const firstTimeSender = !o.address || !history.senders.has(o.address);
  if (o.address) bump(history.senders, o.address, o);
  if (o.domain) bump(history.domains, o.domain, o);
  const r = history.recipients.get(o.recipient) ?? { messages: 0, fromFirstTimeSenders: 0, safe: 0 };
  r.messages += 1;
  r.fromFirstTimeSenders += firstTimeSender ? 1 : 0;
  r.safe += o.safe ? 1 : 0;
  history.recipients.set(o.recipient, r);
  return { firstTimeSender };
}

function bump(map: Map<string, CounterRow>, key: string, o: Observation) {
  const row = map.get(key) ?? { messages: 0, flagged: 0, correctedSafe: 0, firstSeenAt: o.at };
  row.messages += 1;
  row.flagged += o.flagged ? 1 : 0;
  if (o.at < row.firstSeenAt) row.firstSeenAt = o.at;
  map.set(key, row);
}

/** Adds the stored messages' counts to the stats tables (one statement per table, aggregated). */
export async function saveHistory(sql: Sql, tenantId: string, observations: (Observation & { firstTimeSender: boolean })[]): Promise<void> {
  if (!observations.length) return;
  const senders = aggregate(observations.filter((o) => o.address), (o) => o.address);
  const domains = aggregate(observations.filter((o) => o.domain), (o) => o.domain);
  const senderDomain = new Map(observations.map((o) => [o.address, o.domain]));
  if (senders.size) {
    const keys = [...senders.keys()];
    await sql(
      `INSERT INTO sender_stats AS s (tenant_id, address, domain, first_seen_at, messages, flagged)
       SELECT $1::uuid, k, d, f, m, fl FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::int[]) AS u(k, d, f, m, fl)
       ON CONFLICT (tenant_id, address) DO UPDATE SET messages = s.messages + excluded.messages, flagged = s.flagged + excluded.flagged,
         first_seen_at = least(s.first_seen_at, excluded.first_seen_at)`,
      [tenantId, keys, keys.map((k) => senderDomain.get(k) ?? ''), ...columns(keys, senders)],
    );
  }
  if (domains.size) {
    const keys = [...domains.keys()];
    await sql(
      `INSERT INTO sender_domain_stats AS s (tenant_id, domain, first_seen_at, messages, flagged)
       SELECT $1::uuid, k, f, m, fl FROM unnest($2::text[], $3::timestamptz[], $4::int[], $5::int[]) AS u(k, f, m, fl)
       ON CONFLICT (tenant_id, domain) DO UPDATE SET messages = s.messages + excluded.messages, flagged = s.flagged + excluded.flagged,
         first_seen_at = least(s.first_seen_at, excluded.first_seen_at)`,
      [tenantId, keys, ...columns(keys, domains)],
    );
  }
  const recipients = new Map<string, RecipientRow>();
  for (const o of observations) {
    const r = recipients.get(o.recipient) ?? { messages: 0, fromFirstTimeSenders: 0, safe: 0 };
    r.messages += 1;
    r.fromFirstTimeSenders += o.firstTimeSender ? 1 : 0;
    r.safe += o.safe ? 1 : 0;
    recipients.set(o.recipient, r);
  }
  const rk = [...recipients.keys()];
  await sql(
    `INSERT INTO recipient_stats AS s (tenant_id, recipient, messages, from_first_time_senders, safe)
     SELECT $1::uuid, k, m, ft, sf FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) AS u(k, m, ft, sf)
     ON CONFLICT (tenant_id, recipient) DO UPDATE SET messages = s.messages + excluded.messages,
       from_first_time_senders = s.from_first_time_senders + excluded.from_first_time_senders, safe = s.safe + excluded.safe`,
    [tenantId, rk, rk.map((k) => recipients.get(k)!.messages), rk.map((k) => recipients.get(k)!.fromFirstTimeSenders), rk.map((k) => recipients.get(k)!.safe)],
  );
}

function aggregate(observations: Observation[], key: (o: Observation) => string): Map<string, CounterRow> {
  const out = new Map<string, CounterRow>();
  for (const o of observations) bump(out, key(o), o);
  return out;
}

function columns(keys: string[], rows: Map<string, CounterRow>): unknown[] {
  return [keys.map((k) => rows.get(k)!.firstSeenAt.toISOString()), keys.map((k) => rows.get(k)!.messages), keys.map((k) => rows.get(k)!.flagged)];
}

// The engine derives sender.* and recipient.* signals from the context alone (lib/engine/README:
// "sender.* (tenant history from context.sender), recipient.* (context.recipientStats, VIPs)") and
// every other signal from the message. So the content signals can be extracted off the main thread
// before the history is known, and the history signals added here, in arrival order, by extracting
// from an empty message in the real context. ingest.test.ts proves the result equals a direct
// extractSignals(message, context) on corpus messages.
let stub: Promise<ParsedMessage> | undefined;

/** Loads the empty message withHistory extracts from (once per process). */
export function historyStub(): Promise<ParsedMessage> {
  stub ??= parseMessage(new TextEncoder().encode('From: <>\r\n\r\n')).then((r) => {
    if (!r.ok) throw new Error(`history stub does not parse: ${r.error.message}`);
    return r.message;
  });
  return stub;
}

const isHistorySignal = (name: string) => name.startsWith('sender.') || name.startsWith('recipient.');

/** `content` (extracted with no history) with its sender.* and recipient.* signals for `context`. */
export function withHistory(content: SignalSet, context: ScoringContext, empty: ParsedMessage): SignalSet {
  const history = extractSignals(empty, context);
  const values = { ...content.values };
  const evidence = { ...content.evidence };
  for (const name of Object.keys(history.values)) {
    if (!isHistorySignal(name)) continue;
    values[name] = history.values[name];
    if (history.evidence[name]) evidence[name] = history.evidence[name];
    else delete evidence[name];
  }
  return { values, evidence };
}
