import 'server-only';
import type { CorrectionScope, Decision, MessageIdentity, PackedSignals, SignalSet } from '@/lib/engine';
import type { Sql } from '@/lib/server/messages/sql';

// The stored messages a scope could touch, found with SQL on the summary columns. This is a
// superset on purpose: the engine (evaluate → matchCorrections) makes the real decision, so the
// replay and the live scoring can never disagree about what matches.

/** A WHERE fragment (without tenant) selecting the messages a scope could match; `$n` numbering starts at `first`. */
export function scopeCondition(scope: CorrectionScope, first: number): { text: string; params: unknown[] } {
  const host = `lower(split_part(m.from_address, '@', 2))`;
  switch (scope.kind) {
    case 'sender':
    case 'rule_sender':
      return { text: `lower(m.from_address) = $${first}`, params: [scope.address.toLowerCase()] };
    case 'domain':
    case 'rule_domain':
      // The domain and every subdomain; the zod schema allows only [a-z0-9.-], so LIKE needs no escaping.
      return { text: `(${host} = $${first} OR ${host} LIKE '%.' || $${first})`, params: [scope.domain.toLowerCase()] };
    case 'message':
      return { text: `m.fingerprint = $${first}`, params: [scope.fingerprint.toLowerCase()] };
  }
}

export type Candidate = {
  id: string;
  tenantId: string;
  fromAddress: string;
  fromDomain: string;
  recipient: string;
  fingerprint: string;
  subject: string;
  receivedAt: Date;
  verdict: string;
  score: number;
  action: string;
  flagged: boolean;
  label: string | null;
  dmarc: string | null;
  layoutKey: string;
  packed: PackedSignals;
  /** Loaded only when asked for (re-score needs the evidence for attribution). */
  signals: SignalSet | null;
  /** The stored decision, loaded with the signals. */
  decision: Decision | null;
};

type Row = {
  id: string; tenant_id: string; from_address: string; from_domain: string; recipient: string; fingerprint: string; subject: string;
  received_at: Date; verdict: string; score: number; action: string; flagged: boolean; label: string | null; dmarc: string | null;
  layout_key: string; packed_num: Uint8Array; packed_str: string[] | null; signals?: SignalSet; decision?: Decision;
};

/**
 * Which stored messages a correction can change: flagged or not-safe ones (it may release them)
 * and ones a correction currently applies to (it may restore them). A safe message no correction
 * touches stays safe whatever corrections do, so re-score runs and previews skip it.
 */
export type CandidateFilter = 'all' | 'changeable' | 'flagged';

const FILTERS: Record<CandidateFilter, string> = {
  all: '',
  changeable: `AND (m.flagged OR m.verdict <> 'safe' OR a.decision @> '{"attribution":[{"kind":"correction"}]}'::jsonb)`,
  flagged: 'AND m.flagged',
};

/** Ids of the stored messages of one tenant that `scope` could match, newest first. */
export async function listCandidateIds(sql: Sql, tenantId: string, scope: CorrectionScope, filter: CandidateFilter = 'all'): Promise<string[]> {
  const where = scopeCondition(scope, 2);
  const rows = await sql<{ id: string }>(
    `SELECT m.id::text AS id FROM messages m JOIN message_analysis a ON a.message_id = m.id
      WHERE m.tenant_id = $1::uuid AND ${where.text} ${FILTERS[filter]} ORDER BY m.received_at DESC, m.id DESC`,
    [tenantId, ...where.params],
  );
  return rows.map((r) => r.id);
}

/** How many stored messages are in the scope, and (up to 2) distinct senders among them. */
export async function describeScopeHistory(sql: Sql, tenantId: string, scope: CorrectionScope): Promise<{ messages: number; senders: string[] }> {
  const where = scopeCondition(scope, 2);
  const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM messages m WHERE m.tenant_id = $1::uuid AND ${where.text}`, [tenantId, ...where.params]);
  const senders = await sql<{ a: string }>(`SELECT DISTINCT m.from_address AS a FROM messages m WHERE m.tenant_id = $1::uuid AND ${where.text} LIMIT 2`, [tenantId, ...where.params]);
  return { messages: count?.n ?? 0, senders: senders.map((r) => r.a) };
}

type LoadOptions = { withSignals?: boolean; limit?: number; ids?: string[]; filter?: CandidateFilter };

/** Stored messages of one tenant that `scope` could match (optionally only `ids`), newest first. */
export async function loadCandidates(sql: Sql, tenantId: string, scope: CorrectionScope, options: LoadOptions = {}): Promise<Candidate[]> {
  const where = scopeCondition(scope, 2);
  return selectCandidates(sql, tenantId, where, options);
}

/** The newest `limit` stored messages of one tenant, whoever sent them (sandbox backtests). */
export async function loadTenantHistory(sql: Sql, tenantId: string, options: { limit: number; withSignals?: boolean; ids?: string[] }): Promise<Candidate[]> {
  return selectCandidates(sql, tenantId, { text: 'TRUE', params: [] }, options);
}

async function selectCandidates(sql: Sql, tenantId: string, where: { text: string; params: unknown[] }, options: LoadOptions): Promise<Candidate[]> {
  const params: unknown[] = [tenantId, ...where.params];
  let idFilter = '';
  if (options.ids) {
    params.push(options.ids);
    idFilter = `AND m.id = ANY($${params.length}::uuid[])`;
  }
  const limit = options.limit ? `LIMIT ${Math.max(1, Math.floor(options.limit))}` : '';
  const rows = await sql<Row>(
    `SELECT m.id::text AS id, m.tenant_id::text AS tenant_id, m.from_address, m.from_domain, m.recipient, m.fingerprint, m.subject,
            m.received_at, m.verdict, m.score, m.action, m.flagged, m.label, m.dmarc, a.layout_key, a.packed_num, a.packed_str
            ${options.withSignals ? ', a.signals, a.decision' : ''}
       FROM messages m JOIN message_analysis a ON a.message_id = m.id
      WHERE m.tenant_id = $1::uuid AND ${where.text} ${idFilter} ${FILTERS[options.filter ?? 'all']}
      ORDER BY m.received_at DESC, m.id DESC
      ${limit}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id, tenantId: r.tenant_id, fromAddress: r.from_address, fromDomain: r.from_domain, recipient: r.recipient, fingerprint: r.fingerprint,
    subject: r.subject, receivedAt: r.received_at, verdict: r.verdict, score: r.score, action: r.action, flagged: r.flagged, label: r.label,
    dmarc: r.dmarc, layoutKey: r.layout_key, packed: unpack(r.packed_num, r.packed_str ?? []), signals: r.signals ?? null, decision: r.decision ?? null,
  }));
}

// Stored little-endian Float64s (lib/server/messages/row.ts); copied so the view is 8-byte aligned.
function unpack(num: Uint8Array, str: string[]): PackedSignals {
  const bytes = Uint8Array.from(num);
  return { num: new Float64Array(bytes.buffer, 0, Math.floor(bytes.byteLength / 8)), str };
}

/**
 * The identity the engine matches corrections against, rebuilt from stored columns: the same
 * values identifyMessage takes from the parsed message (lower-cased From address, its full host,
 * the fingerprint, and the message.auth_aligned signal, which is computed by the same rule).
 */
export function identityOf(c: Candidate, authAligned: boolean): MessageIdentity {
  const at = c.fromAddress.lastIndexOf('@');
  return { address: c.fromAddress.toLowerCase(), domain: at >= 0 ? c.fromAddress.slice(at + 1).toLowerCase() : '', fingerprint: c.fingerprint, authAligned };
}
