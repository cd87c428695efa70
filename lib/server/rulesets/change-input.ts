import { z } from 'zod';
import { rulesetDraft } from './input';

// The inputs of publish and rollback. Plain zod, no server imports, so the sandbox's forms can use
// the same limits.

/** Why a version is published or made active again: read later in the history and audit log. */
const explanation = (what: string) => z.string().trim().min(10, `Say ${what} (at least 10 characters)`).max(1000, 'Keep it under 1,000 characters');
const version = z.string().trim().min(1, 'Name a version').max(40);

export const publishRulesetInput = z.object({
  draft: rulesetDraft,
  /** The version the draft was edited from: publishing refuses when another one was published since. */
  baseVersion: version,
  note: explanation('what changed and why'),
});

export const rollbackRulesetInput = z.object({
  version,
  reason: explanation('why this version should be active again'),
});

export type PublishRulesetInput = z.input<typeof publishRulesetInput>;
export type RollbackRulesetInput = z.input<typeof rollbackRulesetInput>;
