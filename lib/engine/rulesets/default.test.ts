import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../rules/compile';
import { checkConformance } from '../rules/fixtures/conformance';
import { SIGNALS } from '../signals';
import { DEFAULT_MODEL, DEFAULT_RULESET } from '.';

describe('shipped ruleset', () => {
  const result = compileRuleset(DEFAULT_RULESET, SIGNALS, DEFAULT_MODEL);

  it('compiles against the signal catalog and the shipped model', () => {
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
  });

  it('has at least 40 rules, each with a title, description and unique id', () => {
    expect(DEFAULT_RULESET.rules.length).toBeGreaterThanOrEqual(40);
    for (const r of DEFAULT_RULESET.rules) {
      expect(r.title.length, r.id).toBeGreaterThan(0);
      expect(r.description.length, r.id).toBeGreaterThan(0);
    }
  });

  it('compiled rules agree with cel-js on random signal values (every shipped rule)', () => {
    if (!result.ok) throw new Error('does not compile');
    checkConformance(SIGNALS, result.plan.layout, [...result.plan.rules, ...result.plan.disabled], 400);
  });

  it('the model reads only numeric message-level catalog signals', () => {
    const byName = new Map(SIGNALS.map((s) => [s.name, s]));
    for (const head of Object.values(DEFAULT_MODEL.heads)) {
      for (const f of head.features) {
        expect(byName.get(f.signal)?.level, f.signal).toBe('message');
        expect(byName.get(f.signal)?.type, f.signal).not.toBe('string');
      }
    }
  });
});
