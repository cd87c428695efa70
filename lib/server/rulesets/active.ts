import 'server-only';
import type { RulesetSource } from '@/lib/engine';
import type { Sql } from '@/lib/server/messages/sql';

// Which stored version is active: the latest activation. Latest by id, not by activated_at: every
// activation is inserted under the rulesets lock (activate.ts), so ids follow commit order even
// when the clocks of two app servers disagree.

export type ActiveVersion = {
  versionId: number;
  version: string;
  /** md5 of the stored source: a stored version is compiled once per process per digest. */
  digest: string;
  kind: 'publish' | 'rollback';
  activatedAt: Date;
  /** Email of whoever activated it (null when the account is gone or it was the system). */
  activatedBy: string | null;
};

const ACTIVE_SQL = (withSource: boolean) => `
  SELECT v.id AS version_id, v.version, md5(v.source::text) AS digest, a.kind, a.activated_at, a.activated_by_email
         ${withSource ? ', v.source' : ''}
    FROM ruleset_activations a JOIN ruleset_versions v ON v.id = a.version_id
   ORDER BY a.id DESC
   LIMIT 1`;

type Row = { version_id: number; version: string; digest: string; kind: ActiveVersion['kind']; activated_at: Date; activated_by_email: string | null; source?: RulesetSource };

/** The active stored version, or null when nothing was ever activated (the shipped ruleset is active). */
export async function readActiveVersion(sql: Sql): Promise<ActiveVersion | null> {
  const [row] = await sql<Row>(ACTIVE_SQL(false));
  return row ? toActive(row) : null;
}

/** The same with the stored source (one query; the source is a few tens of kB). */
export async function readActiveVersionWithSource(sql: Sql): Promise<(ActiveVersion & { source: RulesetSource }) | null> {
  const [row] = await sql<Row>(ACTIVE_SQL(true));
  return row ? { ...toActive(row), source: row.source! } : null;
}

/** A stored version's source by row id. */
export async function readVersionSource(sql: Sql, versionId: number): Promise<RulesetSource> {
  const [row] = await sql<{ source: RulesetSource }>(`SELECT source FROM ruleset_versions WHERE id = $1`, [versionId]);
  if (!row) throw new Error(`ruleset version #${versionId} vanished`);
  return row.source;
}

function toActive(row: Row): ActiveVersion {
  return { versionId: row.version_id, version: row.version, digest: row.digest, kind: row.kind, activatedAt: row.activated_at, activatedBy: row.activated_by_email };
}
