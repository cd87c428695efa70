import 'server-only';
import { db } from '@/lib/db';
import { compileDefaultPlan, DEFAULT_RULESET, type Plan, type RulesetSource } from '@/lib/engine';
import { prismaDatabase, type Sql } from '@/lib/server/messages/sql';
import { readActiveVersion, readActiveVersionWithSource, readVersionSource } from './active';
import { compileStored, describeDiagnostics } from './compiled';

// The ruleset every tenant is scored with: the latest activation's version, or the one shipped in
// the code when nothing was ever published. Readers pass the connection they already use (ingest
// runs on a pg pool in the CLI and seed); the default is the app's Prisma client.

export type PublishedRuleset = {
  version: string;
  source: RulesetSource;
  /** When it became active; null for the shipped ruleset before anything was published. */
  activatedAt: Date | null;
  /** Email of whoever published it or rolled back to it. */
  activatedBy: string | null;
  /** The active version is the one shipped with the app. */
  shipped: boolean;
  /**
   * Set when the active version no longer compiles against this build (its signals or model
   * changed): scoring then uses the shipped ruleset until a fixed version is published or an
   * earlier one is rolled back to.
   */
  error: string | null;
  /** The version decisions carry now: `version`, or the shipped one while `error` is set. */
  scoringVersion: string;
  /** The plan scoring uses now (the shipped one while `error` is set), so callers need not ask again. */
  plan: Plan;
};

const appSql = (): Sql => prismaDatabase(db).query;

/** The active ruleset and who activated it. */
export async function loadPublishedRuleset(sql: Sql = appSql()): Promise<PublishedRuleset> {
  const active = await readActiveVersionWithSource(sql);
  if (!active) {
    return { version: DEFAULT_RULESET.version, source: DEFAULT_RULESET, activatedAt: null, activatedBy: null, shipped: true, error: null, scoringVersion: DEFAULT_RULESET.version, plan: compileDefaultPlan() };
  }
  const compiled = await compileStored(active, async () => active.source);
  const error = compiled.ok ? null : `Version ${active.version} no longer compiles with this build (${describeDiagnostics(compiled.diagnostics)}); messages are scored with the shipped ruleset ${DEFAULT_RULESET.version} until a fixed version is published or an earlier one rolled back to.`;
  return {
    version: active.version, source: active.source, activatedAt: active.activatedAt, activatedBy: active.activatedBy,
    shipped: active.version === DEFAULT_RULESET.version, error, scoringVersion: compiled.ok ? active.version : DEFAULT_RULESET.version,
    plan: compiled.ok ? compiled.plan : compileDefaultPlan(),
  };
}

/**
 * The active ruleset's compiled plan. One small query per call says which version is active; each
 * version compiles once per process. Call it once per operation or batch, never per message.
 */
export async function publishedPlan(sql: Sql = appSql()): Promise<Plan> {
  const active = await readActiveVersion(sql);
  if (!active) return compileDefaultPlan();
  const compiled = await compileStored(active, () => readVersionSource(sql, active.versionId));
  // Stale versions were logged by compileStored; scoring must go on.
  return compiled.ok ? compiled.plan : compileDefaultPlan();
}
