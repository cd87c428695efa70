import 'server-only';
import { z } from 'zod';
import { SIGNALS, type SignalDef, type Thresholds } from '@/lib/engine';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { listMessages } from '@/lib/server/messages/list';
import type { MessageListItem } from '@/lib/server/messages/list';
import { listRulesetVersions } from '@/lib/server/rulesets/list';
import { loadPublishedRuleset } from '@/lib/server/rulesets/published';
import type { RuleDraft } from '@/lib/server/rulesets/input';

// Everything the sandbox page starts from: the published ruleset to edit, the signal catalog the
// expressions may read, the version history, and recent flagged mail to re-score a draft on.

export const getSandboxInput = z.object({ tenant: z.string().min(1) });

const RECENT_FLAGGED = 15;

export type SandboxStart = {
  tenant: { slug: string; name: string };
  published: {
    version: string;
    thresholds: Thresholds;
    rules: RuleDraft[];
    activatedAt: Date | null;
    activatedBy: string | null;
    shipped: boolean;
    /** Set when the published version no longer compiles and scoring fell back to the shipped ruleset. */
    error: string | null;
  };
  signals: SignalDef[];
  versions: Awaited<ReturnType<typeof listRulesetVersions>>;
  recentFlagged: Pick<MessageListItem, 'id' | 'receivedAt' | 'fromAddress' | 'subject' | 'verdict'>[];
};

export async function getSandbox({ ctx, input }: { ctx: Ctx; input: z.input<typeof getSandboxInput> }): Promise<SandboxStart> {
  authorize(ctx, areaRoles.sandbox);
  const q = getSandboxInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);
  const [published, versions, recent] = await Promise.all([
    loadPublishedRuleset(),
    listRulesetVersions({ ctx }),
    listMessages({ ctx, input: { tenant: tenant.slug, flagged: true, limit: RECENT_FLAGGED } }),
  ]);
  const { source } = published;
  return {
    tenant: { slug: tenant.slug, name: tenant.name },
    published: {
      version: published.version, thresholds: source.thresholds, activatedAt: published.activatedAt, activatedBy: published.activatedBy, shipped: published.shipped, error: published.error,
      rules: source.rules.map((r) => ({ id: r.id, title: r.title, description: r.description, expression: r.expression, score: r.score, category: r.category, enabled: r.enabled, tags: r.tags })),
    },
    signals: [...SIGNALS],
    versions,
    recentFlagged: recent.items.map(({ id, receivedAt, fromAddress, subject, verdict }) => ({ id, receivedAt, fromAddress, subject, verdict })),
  };
}
