import type { Thresholds } from '@/lib/engine/types';
import { rulesetDraft, type RuleDraft } from '@/lib/server/rulesets/input';
import type { Draft } from './use-draft';

export type DraftErrors = {
  valid: boolean;
  rules: Map<string, Partial<Record<keyof RuleDraft, string>>>;
  thresholds: Partial<Record<keyof Thresholds, string>>;
  /** Problems that belong to no field (e.g. an empty ruleset). */
  other: string[];
};

/** The shared schema's verdict on a draft, placed on the rule and field each issue is about. */
export function findDraftErrors(draft: Draft): DraftErrors {
  const out: DraftErrors = { valid: true, rules: new Map(), thresholds: {}, other: [] };
  const parsed = rulesetDraft.safeParse(draft);
  if (parsed.success) return out;
  out.valid = false;
  for (const issue of parsed.error.issues) {
    const [head, index, field] = issue.path;
    if (head === 'rules' && typeof index === 'number' && typeof field === 'string') {
      const id = draft.rules[index]?.id ?? `#${index}`;
      const errors = out.rules.get(id) ?? {};
      errors[field as keyof RuleDraft] ??= issue.message;
      out.rules.set(id, errors);
    } else if (head === 'thresholds' && typeof index === 'string') {
      out.thresholds[index as keyof Thresholds] ??= issue.message;
    } else {
      out.other.push(issue.message);
    }
  }
  return out;
}
