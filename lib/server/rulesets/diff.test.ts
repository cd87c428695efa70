import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, type RuleSource } from '@/lib/engine';
import { changedRuleIds, diffRulesets, isEmptyDiff } from './diff';
import type { RulesetDraft } from './input';

const rule = (id: string, change: Partial<RuleSource> = {}): RuleSource => ({
  id, title: `Rule ${id}`, description: '', expression: `message.${id}`, score: 1, category: 'spam', enabled: true, tags: [], ...change,
});
const ruleset = (rules: RuleSource[], thresholds = { attack: 10, spam: 5, graymail: 2 }) => ({ version: '2026.11.3', model: null, thresholds, rules });

describe('diffRulesets', () => {
  it('finds nothing between a ruleset and itself, or the shipped ruleset and its draft', () => {
    const d = diffRulesets(DEFAULT_RULESET, { thresholds: DEFAULT_RULESET.thresholds, rules: structuredClone(DEFAULT_RULESET.rules) });
    expect(d).toEqual({ added: [], removed: [], changed: [], thresholds: false });
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('reports added and removed rules in their own order, and ignores reordering', () => {
    const before = ruleset([rule('a'), rule('b'), rule('c')]);
    const after = ruleset([rule('d'), rule('c'), rule('a'), rule('e')]);
    const d = diffRulesets(before, after);
    expect(d).toEqual({ added: ['d', 'e'], removed: ['b'], changed: [], thresholds: false });
    expect(changedRuleIds(d)).toEqual(['d', 'e', 'b']);
    expect(isEmptyDiff(diffRulesets(before, ruleset([rule('c'), rule('b'), rule('a')])))).toBe(true);
  });

  it('names every edited field, in a fixed order', () => {
    const before = ruleset([rule('a'), rule('b'), rule('c', { tags: ['x', 'y'] })]);
    const after = ruleset([
      rule('b', { score: 2, enabled: false, category: 'attack' }),
      rule('a', { expression: 'message.a && message.z', title: 'Renamed', description: 'Now described', tags: ['x'] }),
      rule('c', { tags: ['y', 'x'] }),
    ]);
    const d = diffRulesets(before, after);
    expect(d.changed).toEqual([
      { id: 'b', fields: ['score', 'category', 'enabled'] },
      { id: 'a', fields: ['expression', 'title', 'description', 'tags'] },
      { id: 'c', fields: ['tags'] },
    ]);
    expect(changedRuleIds(d)).toEqual(['b', 'a', 'c']);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('sees each threshold move on its own', () => {
    const before = ruleset([rule('a')]);
    for (const key of ['attack', 'spam', 'graymail'] as const) {
      const d = diffRulesets(before, ruleset([rule('a')], { ...before.thresholds, [key]: before.thresholds[key] + 0.5 }));
      expect(d).toEqual({ added: [], removed: [], changed: [], thresholds: true });
      expect(isEmptyDiff(d)).toBe(false);
    }
  });

  it("treats a draft's omitted description and tags as their defaults", () => {
    const draft: RulesetDraft = { thresholds: { attack: 10, spam: 5, graymail: 2 }, rules: [{ id: 'a', title: 'Rule a', expression: 'message.a', score: 1, category: 'spam', enabled: true }] };
    expect(isEmptyDiff(diffRulesets(ruleset([rule('a')]), draft))).toBe(true);
    expect(diffRulesets(ruleset([rule('a', { tags: ['x'] })]), draft).changed).toEqual([{ id: 'a', fields: ['tags'] }]);
    expect(diffRulesets(draft, ruleset([rule('a', { description: 'd' })])).changed).toEqual([{ id: 'a', fields: ['description'] }]);
  });
});
