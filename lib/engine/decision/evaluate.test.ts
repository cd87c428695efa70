import { describe, expect, it } from 'vitest';
import type { Correction, MessageIdentity, RuleSource, SignalSet } from '../types';
import { compileRuleset } from '../rules/compile';
import { TEST_CATALOG } from '../rules/fixtures/test-catalog';
import { packSignals } from '../rules/layout';
import { decidePacked, evaluate } from './evaluate';

function rule(id: string, expression: string, score: number, category: RuleSource['category']): RuleSource {
  return { id, title: id, description: '', expression, score, category, enabled: true, tags: [] };
}

const compiled = compileRuleset(
  {
    version: 'test-1',
    thresholds: { attack: 8, spam: 6, graymail: 3 },
    rules: [
      rule('mismatch', 'message.link_text_mismatch', 6, 'attack'),
      rule('many_links', 'message.link_count >= 10', 3, 'spam'),
      rule('bad_tld', 'message.from_tld in ["zip", "top"]', 3, 'attack'),
      rule('newsletter', 'message.subject.contains("Newsletter")', 3, 'graymail'),
      rule('known', '!sender.is_new', -4, 'attack'),
    ],
    model: null,
  },
  TEST_CATALOG,
);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
const plan = compiled.plan;

function signals(values: Partial<Record<string, boolean | number | string>>): SignalSet {
  const base: SignalSet['values'] = {};
  for (const d of TEST_CATALOG) base[d.name] = d.type === 'bool' ? false : d.type === 'string' ? '' : 0;
  base['sender.is_new'] = true;
  return {
    values: { ...base, ...(values as SignalSet['values']) },
    evidence: { 'message.link_text_mismatch': [{ kind: 'link', index: 0, text: 'paypal.com → evil.top' }] },
  };
}

const phishy = signals({ 'message.link_text_mismatch': true, 'message.from_tld': 'top' });
const identity: MessageIdentity = { address: 'Billing@Mail.Example.COM', domain: 'mail.example.com', fingerprint: 'abc123', authAligned: true };

describe('evaluate', () => {
  it('adds fired rules, picks the verdict by category and orders attribution', () => {
    const d = evaluate(plan, phishy);
    expect(d).toMatchObject({ verdict: 'attack', action: 'quarantine', flagged: true, score: 9, rulesetVersion: 'test-1' });
    expect(d.attribution.map((a) => (a.kind === 'rule' ? a.ruleId : a.kind))).toEqual(['mismatch', 'bad_tld']);
    const first = d.attribution[0];
    if (first.kind !== 'rule') throw new Error('expected a rule');
    expect(first.evidence).toEqual([{ kind: 'link', index: 0, text: 'paypal.com → evil.top' }]);
    expect(first.signals).toEqual(['message.link_text_mismatch']);
  });

  it('calls spam when spam rules dominate, graymail and safe below their thresholds', () => {
    expect(evaluate(plan, signals({ 'message.link_count': 12, 'message.from_tld': 'zip' })).verdict).toBe('spam');
    expect(evaluate(plan, signals({ 'message.subject': 'Weekly Newsletter' }))).toMatchObject({ verdict: 'graymail', action: 'banner', flagged: false });
    expect(evaluate(plan, signals({}))).toMatchObject({ verdict: 'safe', action: 'deliver', score: 0, attribution: [] });
  });

  it('gives the same verdict and score for a SignalSet, its packed form and the hot path', () => {
    for (const s of [phishy, signals({ 'message.link_count': 12 }), signals({ 'sender.is_new': false })]) {
      const packed = packSignals(plan.layout, s);
      const full = evaluate(plan, s);
      expect(evaluate(plan, packed)).toMatchObject({ verdict: full.verdict, score: full.score });
      expect(decidePacked(plan, packed)).toEqual({ verdict: full.verdict, score: full.score, flagged: full.flagged });
    }
  });
});

describe('corrections', () => {
  const allow = (id: string, scope: Correction['scope'], requireAuth = false): Correction => ({ id, scope, requireAuth });

  it('an allow for the sender address overrides the verdict, case-insensitively', () => {
    const d = evaluate(plan, phishy, { identity, corrections: [allow('c1', { kind: 'sender', address: 'billing@mail.example.com' })] });
    expect(d).toMatchObject({ verdict: 'safe', action: 'deliver', flagged: false, score: 0 });
    expect(d.attribution[0]).toMatchObject({ kind: 'correction', correctionId: 'c1', effect: 'allow', contribution: -9 });
  });

  it('a domain allow covers subdomains but not look-alike suffixes', () => {
    const c = [allow('c2', { kind: 'domain', domain: 'EXAMPLE.com' })];
    expect(evaluate(plan, phishy, { identity, corrections: c }).verdict).toBe('safe');
    const other = { ...identity, address: 'x@badexample.com', domain: 'badexample.com' };
    expect(evaluate(plan, phishy, { identity: other, corrections: c }).verdict).toBe('attack');
    const narrower = [allow('c3', { kind: 'domain', domain: 'other.example.com' })];
    expect(evaluate(plan, phishy, { identity, corrections: narrower }).verdict).toBe('attack');
  });

  it('a message-fingerprint allow applies to that message only', () => {
    const c = [allow('c4', { kind: 'message', fingerprint: 'ABC123' })];
    expect(evaluate(plan, phishy, { identity, corrections: c }).verdict).toBe('safe');
    expect(evaluate(plan, phishy, { identity: { ...identity, fingerprint: 'zzz' }, corrections: c }).verdict).toBe('attack');
  });

  it('requireAuth skips the correction when authentication does not align', () => {
    const c = [allow('c5', { kind: 'sender', address: 'billing@mail.example.com' }, true)];
    expect(evaluate(plan, phishy, { identity, corrections: c }).verdict).toBe('safe');
    const spoofed = evaluate(plan, phishy, { identity: { ...identity, authAligned: false }, corrections: c });
    expect(spoofed.verdict).toBe('attack');
    expect(spoofed.attribution.some((a) => a.kind === 'correction')).toBe(false);
  });

  it('a rule suppression removes only that rule’s points and says so', () => {
    const c = [allow('c6', { kind: 'rule_domain', ruleId: 'mismatch', domain: 'example.com' })];
    const d = evaluate(plan, phishy, { identity, corrections: c });
    expect(d.score).toBe(3);
    expect(d.verdict).toBe('graymail');
    expect(d.attribution).toContainEqual(expect.objectContaining({ kind: 'correction', correctionId: 'c6', effect: 'suppress_rule', contribution: -6 }));
    expect(d.attribution).toContainEqual(expect.objectContaining({ kind: 'rule', ruleId: 'mismatch' }));
    const bySender = [allow('c7', { kind: 'rule_sender', ruleId: 'bad_tld', address: 'BILLING@mail.example.com' })];
    expect(evaluate(plan, phishy, { identity, corrections: bySender }).score).toBe(6);
  });

  it('a suppression of a rule that did not fire leaves no trace; no identity means no corrections', () => {
    const c = [allow('c8', { kind: 'rule_sender', ruleId: 'many_links', address: identity.address })];
    expect(evaluate(plan, phishy, { identity, corrections: c }).attribution.some((a) => a.kind === 'correction')).toBe(false);
    expect(evaluate(plan, phishy, { corrections: [allow('c9', { kind: 'domain', domain: 'example.com' })] }).verdict).toBe('attack');
  });
});
