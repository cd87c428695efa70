import 'server-only';
import { DEFAULT_RULESET, SIGNALS, type SignalSet } from '@/lib/engine';
import type { Role } from '@/lib/server/auth';
import { makeUser } from '@/lib/server/auth/test-support';
import { withPrivateDatabase } from '@/lib/server/corrections/test-support';
import { ctxOf } from '@/lib/server/messages/test-support';
import type { RuleDraft, RulesetDraft } from './input';

// Shared by the rulesets integration tests. The published ruleset is global (every tenant), so
// each test file gets a private database: publishing on the runner's shared one would change
// every other suite's verdicts.

/** Registers the suite's hooks: a private migrated database, dropped after the last test. */
export function withRulesetsDatabase(): void {
  withPrivateDatabase('triage_rules');
}

/** A signed-in user of `role`. */
export async function makeCtx(role: Role) {
  return ctxOf(await makeUser({ role }));
}

/** The shipped ruleset as a sandbox draft. */
export function shippedDraft(): { thresholds: RulesetDraft['thresholds']; rules: RuleDraft[] } {
  return structuredClone({ thresholds: DEFAULT_RULESET.thresholds, rules: DEFAULT_RULESET.rules });
}

/** `draft` with one rule's fields replaced. */
export function withRule(draft: ReturnType<typeof shippedDraft>, id: string, change: Partial<RuleDraft>) {
  if (!draft.rules.some((r) => r.id === id)) throw new Error(`no rule ${id}`);
  return { ...draft, rules: draft.rules.map((r) => (r.id === id ? { ...r, ...change } : r)) };
}

/** A message's signals with every catalog signal at its zero value except `values`. */
export function signalsWith(values: Record<string, boolean | number | string>): SignalSet {
  const base: SignalSet['values'] = {};
  for (const d of SIGNALS) base[d.name] = d.type === 'bool' ? false : d.type === 'string' ? '' : 0;
  return { values: { ...base, ...values }, evidence: {} };
}

export const note = 'Raise the look-alike sender score after the November campaign';
