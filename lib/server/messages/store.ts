import 'server-only';
import type { AnalysisRow, MessageRow } from './row';
import type { Sql } from './sql';

// Multi-row inserts: one statement per table per batch. Conflicts on (tenant_id, fingerprint)
// are skipped, and only the rows that were actually inserted get raw, analysis and stats.

const MESSAGE_COLUMNS = [
  ['id', 'uuid'], ['tenant_id', 'uuid'], ['fingerprint', 'text'], ['received_at', 'timestamptz'], ['message_id', 'text'],
  ['from_address', 'text'], ['from_name', 'text'], ['from_domain', 'text'], ['to_addresses', 'text[]'], ['recipient', 'text'],
  ['subject', 'text'], ['size', 'int'], ['verdict', 'text'], ['score', 'float8'], ['action', 'text'], ['flagged', 'bool'],
  ['top_reason', 'text'], ['fired_rules', 'text[]'], ['ruleset_version', 'text'], ['label', 'text'], ['spf', 'text'],
  ['dkim', 'text'], ['dmarc', 'text'],
] as const;

function values(rows: unknown[][], types: readonly string[]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((v, i) => (params.push(v), `$${params.length}::${types[i]}`)).join(', ')})`);
  return { text: tuples.join(', '), params };
}

/** Inserts messages; returns the ids of those that were new (the rest already existed). */
export async function insertMessages(sql: Sql, tenantId: string, rows: MessageRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const { text, params } = values(
    rows.map((r) => [r.id, tenantId, r.fingerprint, r.receivedAt.toISOString(), r.messageId, r.fromAddress, r.fromName, r.fromDomain,
      r.toAddresses, r.recipient, r.subject, r.size, r.verdict, r.score, r.action, r.flagged, r.topReason, r.firedRules,
      r.rulesetVersion, r.label, r.spf, r.dkim, r.dmarc]),
    MESSAGE_COLUMNS.map(([, t]) => t),
  );
  const inserted = await sql<{ id: string }>(
    `INSERT INTO messages (${MESSAGE_COLUMNS.map(([c]) => c).join(', ')}) VALUES ${text}
     ON CONFLICT (tenant_id, fingerprint) DO NOTHING RETURNING id::text AS id`,
    params,
  );
  return new Set(inserted.map((r) => r.id));
}

export async function insertDetails(sql: Sql, items: { id: string; raw: Uint8Array; analysis: AnalysisRow }[]): Promise<void> {
  if (!items.length) return;
  const raw = values(items.map((i) => [i.id, Buffer.from(i.raw.buffer, i.raw.byteOffset, i.raw.byteLength)]), ['uuid', 'bytea']);
  await sql(`INSERT INTO message_raw (message_id, raw) VALUES ${raw.text}`, raw.params);
  const analysis = values(
    items.map((i) => [i.id, i.analysis.signals, i.analysis.decision, i.analysis.layoutKey, i.analysis.packedNum, i.analysis.packedStr]),
    ['uuid', 'jsonb', 'jsonb', 'text', 'bytea', 'text[]'],
  );
  await sql(`INSERT INTO message_analysis (message_id, signals, decision, layout_key, packed_num, packed_str) VALUES ${analysis.text}`, analysis.params);
}
