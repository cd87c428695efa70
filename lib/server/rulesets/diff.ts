import type { RuleSource, RulesetSource } from '@/lib/engine';
import type { RulesetDraft } from './input';

// What a draft changes relative to a ruleset, rule by rule. Pure and free of server imports: the
// sandbox shows it as the draft is edited, and publishing records it in the audit row.

/** The rule fields a change can touch, in the order they are reported. */
export const RULE_FIELDS = ['expression', 'score', 'category', 'enabled', 'title', 'description', 'tags'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export type RulesetDiff = {
  /** Ids only in `after`, in its order. */
  added: string[];
  /** Ids only in `before`, in its order. */
  removed: string[];
  /** Rules in both whose fields differ, in `after`'s order. */
  changed: { id: string; fields: RuleField[] }[];
  /** Whether any of the attack, spam or graymail thresholds moved. */
  thresholds: boolean;
};

type Comparable = Pick<RulesetSource, 'thresholds'> & { rules: readonly RuleLike[] };
type RuleLike = Omit<RuleSource, 'description' | 'tags'> & { description?: string; tags?: readonly string[] };

/**
 * Compares two rulesets (stored sources or sandbox drafts). Rule order is not a change: it does
 * not affect any decision. A draft's omitted description/tags count as their defaults ('' and []).
 */
export function diffRulesets(before: RulesetSource | RulesetDraft, after: RulesetSource | RulesetDraft): RulesetDiff {
  const a: Comparable = before;
  const b: Comparable = after;
  const old = new Map(a.rules.map((r) => [r.id, r]));
  const ids = new Set(b.rules.map((r) => r.id));
  const changed: RulesetDiff['changed'] = [];
  for (const rule of b.rules) {
    const was = old.get(rule.id);
    if (!was) continue;
    const fields = RULE_FIELDS.filter((f) => !sameField(f, was, rule));
    if (fields.length) changed.push({ id: rule.id, fields });
  }
  return {
    added: b.rules.filter((r) => !old.has(r.id)).map((r) => r.id),
    removed: a.rules.filter((r) => !ids.has(r.id)).map((r) => r.id),
    changed,
    thresholds: a.thresholds.attack !== b.thresholds.attack || a.thresholds.spam !== b.thresholds.spam || a.thresholds.graymail !== b.thresholds.graymail,
  };
}

/** True when the diff changes nothing a decision depends on or a reader would see. */
export function isEmptyDiff(d: RulesetDiff): boolean {
  return !d.added.length && !d.removed.length && !d.changed.length && !d.thresholds;
}

/** Every rule id the diff touches: added, then removed, then edited. */
export function changedRuleIds(d: RulesetDiff): string[] {
  return [...d.added, ...d.removed, ...d.changed.map((c) => c.id)];
}

function sameField(field: RuleField, a: RuleLike, b: RuleLike): boolean {
  if (field === 'description') return (a.description ?? '') === (b.description ?? '');
  if (field === 'tags') {
    const x = a.tags ?? [];
    const y = b.tags ?? [];
    return x.length === y.length && x.every((t, i) => t === y[i]);
  }
  return a[field] === b[field];
}
