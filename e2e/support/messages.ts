import { query } from '../fixtures/db';

// Picks messages for the message-page specs from the database the server uses (DATABASE_URL,
// set by the runner), by label and by what their stored analysis contains: the seed decides
// which corpus messages exist and how they scored, so nothing here is hard-coded.

export type PickedMessage = { id: string; tenant: string; subject: string; verdict: string };

/** A flagged message in one of `tenants` with a rule whose evidence is in the body text. */
export async function pickFlaggedWithBodyEvidence(tenants: string[]): Promise<PickedMessage & { evidence: string }> {
  const rows = await query<PickedMessage & { evidence: string }>(
    `SELECT m.id::text AS id, t.slug AS tenant, m.subject, m.verdict,
            jsonb_path_query_first(a.decision, '$.attribution[*] ? (@.kind == "rule").evidence[*] ? (@.kind == "body" && @.end > @.start).text') #>> '{}' AS evidence
       FROM messages m JOIN tenants t ON t.id = m.tenant_id JOIN message_analysis a ON a.message_id = m.id
      WHERE t.slug = ANY($1::text[]) AND m.flagged
        AND jsonb_path_exists(a.decision, '$.attribution[*] ? (@.kind == "rule").evidence[*] ? (@.kind == "body" && @.end > @.start)')
      ORDER BY m.received_at DESC, m.id LIMIT 1`,
    [tenants],
  );
  if (!rows[0]) throw new Error(`no flagged message with body evidence in ${tenants.join(', ')}: is the corpus seeded?`);
  return rows[0];
}

/** Messages labelled phish (the corpus ground truth) in these tenants, newest first. */
export async function pickPhish(tenants: string[], limit: number): Promise<PickedMessage[]> {
  const rows = await query<PickedMessage>(
    `SELECT m.id::text AS id, t.slug AS tenant, m.subject, m.verdict
       FROM messages m JOIN tenants t ON t.id = m.tenant_id
      WHERE t.slug = ANY($1::text[]) AND m.label = 'phish'
      ORDER BY m.received_at DESC, m.id LIMIT $2`,
    [tenants, limit],
  );
  return rows;
}
