import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_RULESET } from '@/lib/engine';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { readActiveVersion } from './active';
import { SHIPPED_NOTE } from './activate';
import { compareVersionsDesc } from './version-number';

/** How many activations the history shows, newest first. */
const HISTORY_LIMIT = 200;

export type RulesetVersionSummary = {
  version: string;
  note: string;
  /** Null for the shipped version while it has not been stored (nothing referred to it yet). */
  createdAt: Date | null;
  /** Email of the author; null for the shipped version. */
  createdBy: string | null;
  /** The version the draft was edited from. */
  basedOn: string | null;
  ruleCount: number;
  active: boolean;
  /** This is the version shipped with the app. */
  shipped: boolean;
  lastActivatedAt: Date | null;
};

export type RulesetActivationSummary = { version: string; kind: 'publish' | 'rollback'; reason: string; activatedBy: string | null; activatedAt: Date };

export type RulesetVersionList = { versions: RulesetVersionSummary[]; activations: RulesetActivationSummary[] };

type VersionRow = { version: string; note: string; created_at: Date; created_by_email: string | null; based_on: string | null; rule_count: number; last_activated_at: Date | null };
type ActivationRow = { version: string; kind: 'publish' | 'rollback'; reason: string; activated_by_email: string | null; activated_at: Date };

/**
 * Every stored version, newest first, and the latest activations (engineers and admins). The
 * shipped version is always listed, so it can be rolled back to before it was ever stored.
 */
export async function listRulesetVersions({ ctx }: { ctx: Ctx }): Promise<RulesetVersionList> {
  authorize(ctx, areaRoles.sandbox);
  const [active, versions, activations] = await Promise.all([
    readActiveVersion(prismaDatabase(db).query),
    db.$queryRaw<VersionRow[]>`
      SELECT v.version, v.note, v.created_at, v.created_by_email, v.based_on,
             coalesce(jsonb_array_length(v.source->'rules'), 0)::int AS rule_count,
             (SELECT max(a.activated_at) FROM ruleset_activations a WHERE a.version_id = v.id) AS last_activated_at
        FROM ruleset_versions v`,
    db.$queryRaw<ActivationRow[]>`
      SELECT v.version, a.kind, a.reason, a.activated_by_email, a.activated_at
        FROM ruleset_activations a JOIN ruleset_versions v ON v.id = a.version_id
       ORDER BY a.id DESC
       LIMIT ${HISTORY_LIMIT}`,
  ]);
  const activeVersion = active?.version ?? DEFAULT_RULESET.version;
  const summaries: RulesetVersionSummary[] = versions.map((v) => ({
    version: v.version, note: v.note, createdAt: v.created_at, createdBy: v.created_by_email, basedOn: v.based_on, ruleCount: v.rule_count,
    active: v.version === activeVersion, shipped: v.version === DEFAULT_RULESET.version, lastActivatedAt: v.last_activated_at,
  }));
  if (!versions.some((v) => v.version === DEFAULT_RULESET.version)) {
    summaries.push({
      version: DEFAULT_RULESET.version, note: SHIPPED_NOTE, createdAt: null, createdBy: null, basedOn: null, ruleCount: DEFAULT_RULESET.rules.length,
      active: activeVersion === DEFAULT_RULESET.version, shipped: true, lastActivatedAt: null,
    });
  }
  return {
    versions: summaries.sort((a, b) => compareVersionsDesc(a.version, b.version)),
    activations: activations.map((a) => ({ version: a.version, kind: a.kind, reason: a.reason, activatedBy: a.activated_by_email, activatedAt: a.activated_at })),
  };
}
