import { describe, expect, it } from 'vitest';
import type { Decision } from '@/lib/engine';
import { diffDecisions } from './diff';
import { buildReceivedChain } from './headers';
import { textShowsOtherDomain } from './parts';

const decision = (over: Partial<Decision> = {}): Decision => ({
  verdict: 'attack',
  score: 30,
  action: 'quarantine',
  flagged: true,
  rulesetVersion: 'v1',
  attribution: [
    { kind: 'rule', ruleId: 'r1', title: 'Rule one', category: 'attack', contribution: 6, signals: [], evidence: [] },
    { kind: 'model', feature: 'message.link_count', value: 1, weight: 2, contribution: 0.1234567891, evidence: [] },
  ],
  ...over,
});

describe('diffDecisions', () => {
  it('is unchanged for the same decision, ignoring float noise', () => {
    const b = decision();
    const a = decision({ attribution: b.attribution.map((x) => ({ ...x, contribution: x.contribution + 1e-12 })) });
    expect(diffDecisions(b, a)).toMatchObject({ changed: false, contributions: [] });
  });

  it('lists added, removed and moved contributions, largest movement first', () => {
    const before = decision();
    const after = decision({
      verdict: 'safe', action: 'deliver', flagged: false, score: 0,
      attribution: [
        { kind: 'model', feature: 'message.link_count', value: 1, weight: 3, contribution: 3, evidence: [] },
        { kind: 'correction', correctionId: '7', scope: { kind: 'sender', address: 'a@b.example' }, effect: 'allow', contribution: -33 },
      ],
    });
    const diff = diffDecisions(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.contributions.map((c) => [c.change, c.key])).toEqual([
      ['added', 'correction:7:allow'],
      ['removed', 'rule:r1'],
      ['changed', 'model:message.link_count'],
    ]);
    expect(diff.contributions[0]).toMatchObject({ label: 'correction #7 (allow)', before: null, after: -33 });
  });

  it('counts a new ruleset version as a change even with identical numbers', () => {
    expect(diffDecisions(decision(), decision({ rulesetVersion: 'v2' })).changed).toBe(true);
  });
});

describe('buildReceivedChain', () => {
  it('orders hops oldest first with the delay each added', () => {
    const hops = [
      { from: 'c', by: 'd', ip: '', date: '2024-01-01T00:05:00.000Z' },
      { from: 'b', by: 'c', ip: '', date: null },
      { from: 'a', by: 'b', ip: '192.0.2.1', date: '2024-01-01T00:00:00.000Z' },
    ];
    const { hops: out } = buildReceivedChain(hops);
    expect(out.map((h) => [h.step, h.from, h.delaySeconds])).toEqual([[1, 'a', null], [2, 'b', null], [3, 'c', null]]);
    const two = buildReceivedChain([hops[0], hops[2]]).hops;
    expect(two[1].delaySeconds).toBe(300);
  });

  it('caps the hops shown', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ from: `h${i}`, by: '', ip: '', date: null }));
    expect(buildReceivedChain(many)).toMatchObject({ omitted: 10 });
  });
});

describe('textShowsOtherDomain', () => {
  it('flags a visible domain that is not where the link goes', () => {
    expect(textShowsOtherDomain('www.paypal.com/signin', 'evil.example')).toBe(true);
    expect(textShowsOtherDomain('Sign in at login.paypal.com', 'paypal.com')).toBe(false);
    expect(textShowsOtherDomain('Click here', 'evil.example')).toBe(false);
  });
});
