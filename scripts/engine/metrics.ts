import type { Verdict } from '../../lib/engine/types';

export type Outcome = { label: 'phish' | 'spam' | 'ham'; source: string; verdict: Verdict | 'error'; flagged: boolean };
export type Rates = { messages: number; flagged: number; rate: number; attack: number; spam: number; errors: number };

/** Flag rate per group: recall for phish/spam, false-positive rate for ham. */
export function summarize(outcomes: readonly Outcome[], key: (o: Outcome) => string): Map<string, Rates> {
  const out = new Map<string, Rates>();
  for (const o of outcomes) {
    const k = key(o);
    const r = out.get(k) ?? { messages: 0, flagged: 0, rate: 0, attack: 0, spam: 0, errors: 0 };
    r.messages++;
    if (o.flagged) r.flagged++;
    if (o.verdict === 'attack') r.attack++;
    if (o.verdict === 'spam') r.spam++;
    if (o.verdict === 'error') r.errors++;
    r.rate = r.flagged / r.messages;
    out.set(k, r);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Percentage with two decimals. */
export function pct(v: number): string {
  return `${(v * 100).toFixed(2)} %`;
}
