import { describe, expect, it } from 'vitest';
import type { RuleSource, RulesetSource } from '../types';
import { compileRuleset } from './compile';
import { TEST_CATALOG } from './fixtures/test-catalog';
import { packSignals } from './layout';

function rule(id: string, expression: string, extra: Partial<RuleSource> = {}): RuleSource {
  return { id, title: id, description: '', expression, score: 1, category: 'attack', enabled: true, tags: [], ...extra };
}

function ruleset(rules: RuleSource[]): RulesetSource {
  return { version: 't1', thresholds: { attack: 5, spam: 5, graymail: 2 }, rules, model: null };
}

function diagnosticsOf(expression: string) {
  const result = compileRuleset(ruleset([rule('r1', expression)]), TEST_CATALOG);
  if (result.ok) throw new Error('expected diagnostics');
  return result.diagnostics;
}

describe('compileRuleset diagnostics', () => {
  it('reports an unknown signal with line and column', () => {
    const [d] = diagnosticsOf('message.link_count > 2 &&\n  message.no_such_signal');
    expect(d.ruleId).toBe('r1');
    expect(d.message).toMatch(/no_such_signal/);
    expect(d).toMatchObject({ line: 2, column: 11 });
  });

  it('reports a type error', () => {
    const [d] = diagnosticsOf('message.link_count > "x"');
    expect(d.message).toMatch(/type error/);
    expect(d.line).toBe(1);
  });

  it('reports a non-bool result', () => {
    const [d] = diagnosticsOf('message.link_count + 1');
    expect(d.message).toMatch(/must evaluate to bool.*int/);
  });

  it('reports a syntax error with its position', () => {
    const [d] = diagnosticsOf('message.link_count >');
    expect(d.message).toMatch(/syntax error/);
    expect(d.column).toBeGreaterThan(1);
  });

  it('reports unsupported constructs instead of miscompiling them', () => {
    expect(diagnosticsOf('message.link_count / 2 > 1')[0].message).toMatch(/integer '\/'/);
    expect(diagnosticsOf('message.subject.matches("a.*")')[0].message).toMatch(/not supported/);
    expect(diagnosticsOf('message.subject < "b"')[0].message).toMatch(/only supported on int and double/);
    expect(diagnosticsOf('[1, 2].exists(x, x > 1)')[0].message).toMatch(/not supported/);
  });

  it('reports every bad rule, not only the first', () => {
    const result = compileRuleset(ruleset([rule('a', 'message.nope'), rule('b', 'true'), rule('c', '1 +')]), TEST_CATALOG);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['a', 'c']);
  });

  it('rejects duplicate ids and bad categories structurally', () => {
    const result = compileRuleset(ruleset([rule('a', 'true'), rule('a', 'true', { category: 'nope' as never })]), TEST_CATALOG);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => d.message).join(' ')).toMatch(/duplicate.*category/);
  });

  it('type-checks disabled rules but does not run them', () => {
    const bad = compileRuleset(ruleset([rule('off', 'message.nope', { enabled: false })]), TEST_CATALOG);
    expect(bad.ok).toBe(false);
    const good = compileRuleset(ruleset([rule('on', 'true'), rule('off', 'true', { enabled: false })]), TEST_CATALOG);
    if (!good.ok) throw new Error('expected a plan');
    expect(good.plan.rules.map((r) => r.id)).toEqual(['on']);
    expect(good.plan.disabled.map((r) => r.id)).toEqual(['off']);
  });
});

describe('compiled plan', () => {
  const result = compileRuleset(
    ruleset([
      rule('links', 'message.link_count >= 3 && message.link_text_mismatch', { score: 4 }),
      rule('tld', 'message.from_tld in ["zip", "top", "xyz"]', { score: 2.5 }),
      rule('new', '!sender.is_new || recipient.safe_share > 0.5', { score: -1 }),
      rule('subj', 'message.subject.startsWith("Re:") && size(message.subject) > 4', { score: 1 }),
    ]),
    TEST_CATALOG,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const { plan } = result;

  it('runs rules over a packed vector and sums fired scores', () => {
    const packed = packSignals(plan.layout, {
      values: {
        'message.link_count': 5, 'message.link_text_mismatch': true, 'message.urgency_ratio': 0.1, 'message.from_tld': 'zip',
        'message.subject': 'Re: hi', 'message.has_attachment': false, 'sender.is_new': true, 'sender.message_count': 0,
        'recipient.is_vip': false, 'recipient.safe_share': 0.2,
      },
      evidence: {},
    });
    const fired = new Uint8Array(plan.rules.length);
    const lean = new Float64Array(1);
    expect(plan.runRules(packed.num, packed.str, fired, lean)).toBe(4 + 2.5 + 1);
    expect(lean[0]).toBe(4 + 2.5 + 1);
    expect(Array.from(fired)).toEqual([1, 1, 0, 1]);
    expect(plan.rules[0].signals).toEqual(['message.link_count', 'message.link_text_mismatch']);
    expect(plan.rules.map((r) => r.test(packed))).toEqual([true, true, false, true]);
  });

  it('packs missing and mistyped values as zero and empty', () => {
    const packed = packSignals(plan.layout, { values: { 'message.link_count': 'x' as never }, evidence: {} });
    expect(Array.from(packed.num).every((v) => v === 0)).toBe(true);
    expect(packed.str.every((v) => v === '')).toBe(true);
  });
});
