import 'server-only';
import type pg from 'pg';

// Set-based multiplication of a tenant's scored messages for benchmark data: every new row copies
// the verdict, score, rules, raw bytes and analysis of one scored source and varies what a list
// filters and sorts on (sender, sender domain, recipient, subject, received time, Message-ID,
// fingerprint, id). One INSERT … SELECT per table per chunk: a million rows take minutes, where the
// engine would take hours. Runs inside the caller's transaction.

const FIRST = ['alex', 'sam', 'jordan', 'priya', 'maria', 'dana', 'radek', 'lee', 'chris', 'noor', 'li', 'omar', 'eva', 'jon', 'mina', 'tomas', 'ana', 'kofi', 'yuki', 'ravi'];
const LAST = ['morgan', 'shah', 'garcia', 'kim', 'novak', 'otieno', 'smith', 'chen', 'haddad', 'berg', 'silva', 'okafor', 'tanaka', 'patel', 'ross', 'weber', 'costa', 'ng', 'ali', 'moreau'];
const ROLES = ['accounts', 'billing', 'hr', 'it', 'sales', 'support', 'finance', 'payroll', 'legal', 'office'];

/** Tenant mailboxes for generated recipients: 400 people plus shared role mailboxes. */
export function mailboxes(domain: string): string[] {
  return [...FIRST.flatMap((f) => LAST.map((l) => `${f}.${l}@${domain}`)), ...ROLES.map((r) => `${r}@${domain}`)];
}

export type MultiplyPlan = {
  tenantId: string;
  /** Row numbers [from, to) of the generated set; row g copies source g mod (number of sources). */
  from: number;
  to: number;
  total: number;
  windowStart: Date;
  windowEnd: Date;
  recipients: string[];
};

/** Loads the tenant's scored messages as sources (numbered 0…K-1); returns K. */
export async function prepareSources(client: pg.ClientBase, tenantId: string): Promise<number> {
  await client.query(`DROP TABLE IF EXISTS gen_src`);
  await client.query(
    `CREATE TEMP TABLE gen_src ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY received_at, id) - 1)::int AS n, id AS src_id, from_address, from_name, from_domain,
            split_part(from_address, '@', 1) AS local, subject, size, verdict, score, action, flagged, top_reason, fired_rules,
            ruleset_version, label, spf, dkim, dmarc
     FROM messages WHERE tenant_id = $1::uuid`,
    [tenantId],
  );
  await client.query(`CREATE UNIQUE INDEX ON gen_src (n)`);
  const { rows } = await client.query<{ k: number }>(`SELECT count(*)::int AS k FROM gen_src`);
  return rows[0].k;
}

/** Inserts rows [from, to) into messages, message_raw and message_analysis. */
export async function multiplyChunk(client: pg.ClientBase, plan: MultiplyPlan, sources: number): Promise<void> {
  // hashint8 gives a stable pseudo-random int per (row, purpose): the same plan gives the same data
  // apart from the random ids.
  await client.query(`DROP TABLE IF EXISTS gen_chunk`);
  await client.query(
    `CREATE TEMP TABLE gen_chunk ON COMMIT DROP AS
     WITH rows AS (
       SELECT g, s.*, abs(hashint8(g)) AS h1, abs(hashint8(g + 7919)) AS h2, abs(hashint8(g + 104729)) AS h3
       FROM generate_series($1::bigint, $2::bigint - 1) AS g JOIN gen_src s ON s.n = (g % $3::int)
     ), varied AS (
       SELECT *, CASE WHEN from_domain = '' OR h1 % 3 = 0 THEN from_domain
                      ELSE regexp_replace(from_domain, '^([^.]+)', '\\1' || (1 + h1 % 29)::text) END AS domain
       FROM rows
     )
     SELECT gen_random_uuid() AS id, src_id, g,
            CASE WHEN from_address = '' THEN '' WHEN h2 % 4 = 0 THEN local || (h2 % 50)::text || '@' || domain ELSE local || '@' || domain END AS from_address,
            from_name, domain AS from_domain,
            ($6::text[])[1 + (h3 % array_length($6::text[], 1))] AS recipient,
            CASE h1 % 5 WHEN 1 THEN 'Re: ' || subject WHEN 2 THEN 'Fwd: ' || subject WHEN 3 THEN subject || ' #' || (10000 + h3 % 90000)::text ELSE subject END AS subject,
            $4::timestamptz + ($5::timestamptz - $4::timestamptz) * ((g + (h2 % 1000) / 1000.0) / $7::float8) AS received_at,
            size, verdict, score, action, flagged, top_reason, fired_rules, ruleset_version, label, spf, dkim, dmarc
     FROM varied`,
    [plan.from, plan.to, sources, plan.windowStart.toISOString(), plan.windowEnd.toISOString(), plan.recipients, plan.total],
  );
  await client.query(
    `INSERT INTO messages (id, tenant_id, fingerprint, received_at, message_id, from_address, from_name, from_domain, to_addresses,
       recipient, subject, size, verdict, score, action, flagged, top_reason, fired_rules, ruleset_version, label, spf, dkim, dmarc)
     SELECT id, $1::uuid, md5(id::text) || md5(g::text), received_at, '<gen-' || g::text || '@' || coalesce(nullif(from_domain, ''), 'generated.example') || '>',
       from_address, from_name, from_domain, ARRAY[recipient], recipient, subject, size, verdict, score, action, flagged, top_reason,
       fired_rules, ruleset_version, label, spf, dkim, dmarc
     FROM gen_chunk`,
    [plan.tenantId],
  );
  // Compressed TOAST values are copied as they are: no re-compression.
  await client.query(`INSERT INTO message_raw (message_id, raw) SELECT c.id, r.raw FROM gen_chunk c JOIN message_raw r ON r.message_id = c.src_id`);
  await client.query(
    `INSERT INTO message_analysis (message_id, signals, decision, layout_key, packed_num, packed_str)
     SELECT c.id, a.signals, a.decision, a.layout_key, a.packed_num, a.packed_str FROM gen_chunk c JOIN message_analysis a ON a.message_id = c.src_id`,
  );
}

/** Rebuilds the tenant's sender, domain and recipient history from its stored messages. */
export async function rebuildHistory(client: pg.ClientBase, tenantId: string): Promise<void> {
  for (const table of ['sender_stats', 'sender_domain_stats', 'recipient_stats']) await client.query(`DELETE FROM ${table} WHERE tenant_id = $1::uuid`, [tenantId]);
  await client.query(
    `INSERT INTO sender_stats (tenant_id, address, domain, first_seen_at, messages, flagged)
     SELECT $1::uuid, from_address, min(from_domain), min(received_at), count(*), count(*) FILTER (WHERE flagged)
     FROM messages WHERE tenant_id = $1::uuid AND from_address <> '' GROUP BY from_address`,
    [tenantId],
  );
  await client.query(
    `INSERT INTO sender_domain_stats (tenant_id, domain, first_seen_at, messages, flagged)
     SELECT $1::uuid, from_domain, min(received_at), count(*), count(*) FILTER (WHERE flagged)
     FROM messages WHERE tenant_id = $1::uuid AND from_domain <> '' GROUP BY from_domain`,
    [tenantId],
  );
  // A message is from a first-time sender when it is its sender's earliest.
  await client.query(
    `INSERT INTO recipient_stats (tenant_id, recipient, messages, from_first_time_senders, safe)
     SELECT $1::uuid, recipient, count(*), count(*) FILTER (WHERE first), count(*) FILTER (WHERE verdict = 'safe')
     FROM (SELECT recipient, verdict, from_address = '' OR row_number() OVER (PARTITION BY from_address ORDER BY received_at, id) = 1 AS first
           FROM messages WHERE tenant_id = $1::uuid) m
     GROUP BY recipient`,
    [tenantId],
  );
}
