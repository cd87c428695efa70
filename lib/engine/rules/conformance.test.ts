import { describe, expect, it } from 'vitest';
import type { RuleSource } from '../types';
import { compileRuleset } from './compile';
import { checkConformance } from './fixtures/conformance';
import { TEST_CATALOG } from './fixtures/test-catalog';

// Expressions chosen to hit each construct the code generator supports, including its edge cases
// (negative zero, code-point size, mixed int/double comparison, long `in` lists).
const EXPRESSIONS = [
  'message.link_count > 2 && message.link_text_mismatch',
  'message.link_count >= 3 || !sender.is_new',
  'message.link_count > 1.5',
  'double(message.link_count) / 3.0 > message.urgency_ratio',
  '1.0 / double(-message.link_count) > 0.0',
  '1.0 / double(message.link_count * -1) < 0.0',
  'message.urgency_ratio * 2.0 - 1.0 <= 0.25',
  '-message.urgency_ratio > 0.0',
  'message.from_tld in ["zip", "top"]',
  'message.from_tld in ["a", "b", "c", "d", "e", "f", "g", "zip", "top", "com"]',
  'message.link_count in [0, 1, 2, 3, 4, 5, 6, 7, 8]',
  'message.from_tld == "com" || message.from_tld != "zip"',
  'size(message.subject) > 3 && message.subject.size() < 30',
  'message.subject.startsWith("Re:") || message.subject.endsWith("x") || message.subject.contains("nv")',
  '(sender.is_new ? message.link_count : sender.message_count) > 4',
  'sender.message_count + message.link_count * 2 - 3 > 10',
  'recipient.is_vip == sender.is_new',
  'recipient.safe_share >= 0.5 ? message.has_attachment : !message.has_attachment',
  'size([1, 2, 3]) == 3 && true',
  'message.urgency_ratio == 0.0',
];

describe('compiled rules agree with cel-js', () => {
  it('on random signal values for every supported construct', () => {
    const rules: RuleSource[] = EXPRESSIONS.map((expression, i) => ({
      id: `r${i}`, title: '', description: '', expression, score: 1, category: 'spam', enabled: true, tags: [],
    }));
    const result = compileRuleset({ version: 't', thresholds: { attack: 1, spam: 1, graymail: 1 }, rules, model: null }, TEST_CATALOG);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    checkConformance(TEST_CATALOG, result.plan.layout, result.plan.rules, 500);
  });

  it('notices a deliberate miscompile', () => {
    const rules: RuleSource[] = [{ id: 'x', title: '', description: '', expression: 'message.link_count > 2', score: 1, category: 'spam', enabled: true, tags: [] }];
    const result = compileRuleset({ version: 't', thresholds: { attack: 1, spam: 1, graymail: 1 }, rules, model: null }, TEST_CATALOG);
    if (!result.ok) throw new Error('compile failed');
    const broken = { ...result.plan.rules[0], test: (p: Parameters<typeof result.plan.rules[0]['test']>[0]) => p.num[0] >= 2 };
    expect(() => checkConformance(TEST_CATALOG, result.plan.layout, [broken], 200)).toThrow(/Property failed/);
  });
});
