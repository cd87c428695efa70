import type { RulesetSource } from '@/lib/engine';
import type { z } from 'zod';
import type { rulesetDraft } from './input';

/** The version a draft's decisions carry before it is published, so none passes for a published one. */
export const DRAFT_VERSION = 'draft';

/** A draft as a full ruleset: its rules and thresholds on the model binding of `base` (the active version). */
export function draftSource(draft: z.output<typeof rulesetDraft>, base: RulesetSource, version = DRAFT_VERSION): RulesetSource {
  return { version, thresholds: draft.thresholds, rules: draft.rules, model: base.model };
}
