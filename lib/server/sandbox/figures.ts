import type { Decision, Verdict } from '@/lib/engine';

// What a backtest reports, computed from (message, published decision, draft decision) triples.
// Pure, so the arithmetic is unit-tested without a database.

export type BacktestMessage = { id: string; receivedAt: Date; fromAddress: string; subject: string; label: string | null };

export type Outcome = { verdict: Verdict; score: number; action: string; flagged: boolean };

/** One message whose verdict or flagged state moves. */
export type Flip = BacktestMessage & {
  change: 'flagged' | 'released' | 'verdict';
  before: Outcome;
  after: Outcome;
  rulesAdded: string[];
  rulesRemoved: string[];
};

/** Labelled messages (ground truth from ingest) and how each side treats them. */
export type LabelSide = { phishCaught: number; spamCaught: number; hamFlagged: number };
export type LabelFigures = { phish: number; spam: number; ham: number; before: LabelSide; after: LabelSide };

/** How often a rule fires across the replayed messages, where the draft changes that. */
export type RuleFigure = { id: string; before: number; after: number; afterOnHam: number };

export type BacktestFigures = {
  replayed: number;
  changed: number;
  newlyFlagged: number;
  /** Newly flagged messages labelled ham: the draft's would-be false positives. */
  newlyFlaggedHam: number;
  released: number;
  /** Released messages labelled phish/spam, or that the published ruleset calls an attack. */
  releasedMalicious: number;
  transitions: { from: Verdict; to: Verdict; count: number }[];
  labels: LabelFigures;
  rules: RuleFigure[];
  flips: Flip[];
  /** More messages flipped than `flips` lists. */
  flipsTruncated: boolean;
};

const firedRules = (d: Decision) => d.attribution.flatMap((a) => (a.kind === 'rule' ? [a.ruleId] : []));
const outcome = (d: Decision): Outcome => ({ verdict: d.verdict, score: d.score, action: d.action, flagged: d.flagged });
// Newly flagged first (false-positive risk), then released (missed-attack risk), then the rest.
const CHANGE_ORDER = { flagged: 0, released: 1, verdict: 2 } as const;

/** Accumulates replayed messages one at a time, so a large history never holds every decision. */
export function createFigures(maxFlips: number) {
  const labels: LabelFigures = { phish: 0, spam: 0, ham: 0, before: { phishCaught: 0, spamCaught: 0, hamFlagged: 0 }, after: { phishCaught: 0, spamCaught: 0, hamFlagged: 0 } };
  const rules = new Map<string, RuleFigure>();
  const transitions = new Map<string, { from: Verdict; to: Verdict; count: number }>();
  const flips: Flip[] = [];
  const out = { replayed: 0, changed: 0, newlyFlagged: 0, newlyFlaggedHam: 0, released: 0, releasedMalicious: 0 };

  const countLabel = (side: LabelSide, label: string | null, d: Decision) => {
    if (!d.flagged) return;
    if (label === 'phish') side.phishCaught++;
    else if (label === 'spam') side.spamCaught++;
    else if (label === 'ham') side.hamFlagged++;
  };
  const ruleFigure = (id: string) => {
    let r = rules.get(id);
    if (!r) rules.set(id, (r = { id, before: 0, after: 0, afterOnHam: 0 }));
    return r;
  };

  function add(m: BacktestMessage, before: Decision, after: Decision) {
    out.replayed++;
    if (m.label === 'phish' || m.label === 'spam' || m.label === 'ham') labels[m.label]++;
    countLabel(labels.before, m.label, before);
    countLabel(labels.after, m.label, after);
    const was = firedRules(before);
    const now = firedRules(after);
    for (const id of was) ruleFigure(id).before++;
    for (const id of now) {
      const r = ruleFigure(id);
      r.after++;
      if (m.label === 'ham') r.afterOnHam++;
    }
    const key = `${before.verdict}→${after.verdict}`;
    const t = transitions.get(key) ?? { from: before.verdict, to: after.verdict, count: 0 };
    t.count++;
    transitions.set(key, t);
    if (before.verdict === after.verdict && before.flagged === after.flagged) return;
    out.changed++;
    const change = !before.flagged && after.flagged ? 'flagged' : before.flagged && !after.flagged ? 'released' : 'verdict';
    if (change === 'flagged') {
      out.newlyFlagged++;
      if (m.label === 'ham') out.newlyFlaggedHam++;
    } else if (change === 'released') {
      out.released++;
      if (m.label === 'phish' || m.label === 'spam' || before.verdict === 'attack') out.releasedMalicious++;
    }
    const wasSet = new Set(was);
    const nowSet = new Set(now);
    flips.push({
      id: m.id, receivedAt: m.receivedAt, fromAddress: m.fromAddress, subject: m.subject, label: m.label,
      change, before: outcome(before), after: outcome(after),
      rulesAdded: now.filter((id) => !wasSet.has(id)), rulesRemoved: was.filter((id) => !nowSet.has(id)),
    });
    // Keep the most important `maxFlips`; sorting a slightly larger buffer now and then stays cheap.
    if (flips.length > maxFlips * 2) trim();
  }

  function trim() {
    flips.sort((a, b) => CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change]);
    flips.length = Math.min(flips.length, maxFlips);
  }

  function result(): BacktestFigures {
    trim();
    return {
      ...out,
      transitions: [...transitions.values()].sort((a, b) => b.count - a.count),
      labels,
      // Only the rules whose firing the draft changes: the rest is the published ruleset's business.
      rules: [...rules.values()].filter((r) => r.before !== r.after).sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.id.localeCompare(b.id)),
      flips,
      flipsTruncated: out.changed > flips.length,
    };
  }

  return { add, result };
}
