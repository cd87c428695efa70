import 'server-only';
import { z } from 'zod';
import { evaluate, type Decision, type Diagnostic, type SignalSet } from '@/lib/engine';
import { db } from '@/lib/db';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { loadActiveCorrections } from '@/lib/server/corrections/active';
import { identityOf, loadTenantHistory } from '@/lib/server/corrections/candidates';
import { diffDecisions, type DecisionDiff } from '@/lib/server/messages/detail/diff';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { loadPublishedRuleset } from '@/lib/server/rulesets/published';
import { rulesetDraft } from '@/lib/server/rulesets/input';
import { compileSource } from '@/lib/server/rulesets/compiled';
import { draftSource } from '@/lib/server/rulesets/draft-source';

// The sandbox's live check, run as the engineer types: does the draft compile, and what would it
// decide for one stored message next to what the published ruleset decides for it today.

export const checkDraftInput = z.object({ tenant: z.string().min(1), draft: rulesetDraft, messageId: z.uuid().optional() });

export type MessageCheck = {
  id: string;
  subject: string;
  fromAddress: string;
  receivedAt: Date;
  label: string | null;
  /** Published ruleset → draft, both with today's active corrections. `changed` ignores the version. */
  diff: DecisionDiff;
  /** The draft's decision in full, for its attribution. */
  draft: Decision;
};

export type CheckResult =
  | { ok: false; publishedVersion: string; diagnostics: Diagnostic[] }
  | {
      ok: true;
      publishedVersion: string;
      enabledRules: number;
      message: MessageCheck | null;
      /** Why the asked-for message could not be scored (not in this tenant); the draft itself is fine. */
      messageError: string | null;
    };

export async function checkDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkDraftInput> }): Promise<CheckResult> {
  authorize(ctx, areaRoles.sandbox);
  const q = checkDraftInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);
  const published = await loadPublishedRuleset();
  const compiled = compileSource(draftSource(q.draft, published.source));
  if (!compiled.ok) return { ok: false, publishedVersion: published.version, diagnostics: compiled.diagnostics };
  const result = { ok: true as const, publishedVersion: published.version, enabledRules: compiled.plan.rules.length };
  if (!q.messageId) return { ...result, message: null, messageError: null };

  const [stored] = await loadTenantHistory(prismaDatabase(db).query, tenant.id, { limit: 1, ids: [q.messageId], withSignals: true });
  // A value, not an error: the draft compiled, and publishing must not wait on a bad message id.
  if (!stored?.signals) return { ...result, message: null, messageError: `No message ${q.messageId} in ${tenant.name}.` };
  const signals: SignalSet = stored.signals;
  const corrections = await loadActiveCorrections(tenant.id);
  const identity = identityOf(stored, signals.values['message.auth_aligned'] === true);
  const before = evaluate(published.plan, signals, { corrections, identity });
  const draft = evaluate(compiled.plan, signals, { corrections, identity });
  // Same version on both sides, so `changed` means the decision moved, not that a draft is a draft.
  const diff = diffDecisions(before, { ...draft, rulesetVersion: before.rulesetVersion });
  diff.after.rulesetVersion = draft.rulesetVersion;
  return {
    ...result,
    messageError: null,
    message: { id: stored.id, subject: stored.subject, fromAddress: stored.fromAddress, receivedAt: stored.receivedAt, label: stored.label, diff, draft },
  };
}
