import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_RULESET, type RulesetSource } from '@/lib/engine';
import { prismaDatabase, type Sql } from '@/lib/server/messages/sql';

/**
 * The ruleset a stored decision was made with, by its version string: a stored version, or the
 * shipped one. Null for a version this database never stored (a decision imported from elsewhere).
 */
export async function loadRulesetSource(version: string, sql: Sql = prismaDatabase(db).query): Promise<RulesetSource | null> {
  const [row] = await sql<{ source: RulesetSource }>(`SELECT source FROM ruleset_versions WHERE version = $1`, [version]);
  if (row) return row.source;
  return version === DEFAULT_RULESET.version ? DEFAULT_RULESET : null;
}
