import { describe, expect, it } from 'vitest';
import type { Decision, Verdict } from '@/lib/engine';
import { createFigures, type BacktestMessage } from './figures';

const FLAGGED: Record<Verdict, boolean> = { attack: true, spam: true, graymail: false, safe: false };

function decision(verdict: Verdict, rules: string[] = []): Decision {
  return {
    verdict, score: rules.length, action: FLAGGED[verdict] ? 'quarantine' : 'deliver', flagged: FLAGGED[verdict], rulesetVersion: 'v',
    attribution: rules.map((ruleId) => ({ kind: 'rule', ruleId, title: ruleId, category: 'attack', contribution: 1, signals: [], evidence: [] })),
  };
}

let n = 0;
const message = (label: string | null): BacktestMessage => ({ id: `m${++n}`, receivedAt: new Date(Date.UTC(2026, 0, n)), fromAddress: `s${n}@example.com`, subject: `subject ${n}`, label });

describe('backtest figures', () => {
  it('counts flips by direction and ground truth', () => {
    const f = createFigures(10);
    f.add(message('ham'), decision('safe'), decision('spam', ['new_rule']));
    f.add(message('phish'), decision('attack', ['old_rule']), decision('safe'));
    f.add(message('spam'), decision('graymail'), decision('safe'));
    f.add(message(null), decision('safe', ['kept']), decision('safe', ['kept']));
    const r = f.result();
    expect(r).toMatchObject({ replayed: 4, changed: 3, newlyFlagged: 1, newlyFlaggedHam: 1, released: 1, releasedMalicious: 1 });
    expect(r.flips.map((x) => x.change)).toEqual(['flagged', 'released', 'verdict']);
    expect(r.flips[0]).toMatchObject({ rulesAdded: ['new_rule'], rulesRemoved: [], before: { verdict: 'safe', flagged: false }, after: { verdict: 'spam', flagged: true } });
    expect(r.flips[1]).toMatchObject({ rulesAdded: [], rulesRemoved: ['old_rule'] });
    expect(r.labels).toEqual({ phish: 1, spam: 1, ham: 1, before: { phishCaught: 1, spamCaught: 0, hamFlagged: 0 }, after: { phishCaught: 0, spamCaught: 0, hamFlagged: 1 } });
  });

  it('lists only rules whose firing changes, with their hits on ham', () => {
    const f = createFigures(10);
    f.add(message('ham'), decision('safe', ['kept']), decision('safe', ['kept', 'noisy']));
    f.add(message('ham'), decision('safe'), decision('safe', ['noisy']));
    f.add(message('spam'), decision('spam', ['kept', 'gone']), decision('spam', ['kept']));
    expect(f.result().rules).toEqual([
      { id: 'noisy', before: 0, after: 2, afterOnHam: 2 },
      { id: 'gone', before: 1, after: 0, afterOnHam: 0 },
    ]);
  });

  it('keeps the most important flips when there are more than it may list', () => {
    const f = createFigures(3);
    for (let i = 0; i < 10; i++) f.add(message(null), decision('spam'), decision('attack'));
    const flagged = message('ham');
    f.add(flagged, decision('safe'), decision('spam'));
    const r = f.result();
    expect(r.changed).toBe(11);
    expect(r.flipsTruncated).toBe(true);
    expect(r.flips).toHaveLength(3);
    expect(r.flips[0].id).toBe(flagged.id);
    expect(r.transitions).toEqual([
      { from: 'spam', to: 'attack', count: 10 },
      { from: 'safe', to: 'spam', count: 1 },
    ]);
  });

  it('does not copy fields a flip does not need', () => {
    const f = createFigures(3);
    f.add({ ...message('ham'), packed: new Float64Array(4) } as BacktestMessage, decision('safe'), decision('spam'));
    expect(Object.keys(f.result().flips[0]).sort()).toEqual(['after', 'before', 'change', 'fromAddress', 'id', 'label', 'receivedAt', 'rulesAdded', 'rulesRemoved', 'subject']);
  });
});
