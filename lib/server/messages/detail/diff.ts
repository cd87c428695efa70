import 'server-only';
import type { Attribution, Decision } from '@/lib/engine';
import { contributionKey, contributionLabel } from './why';

// Before/after of a re-score: the headline numbers and, per contribution, what appeared,
// disappeared or moved. Model contributions are floats: differences below epsilon are noise.

export type DecisionSummary = { verdict: string; score: number; action: string; flagged: boolean; rulesetVersion: string };

export type ContributionChange = {
  key: string;
  kind: Attribution['kind'];
  label: string;
  change: 'added' | 'removed' | 'changed';
  before: number | null;
  after: number | null;
};

export type DecisionDiff = { changed: boolean; before: DecisionSummary; after: DecisionSummary; contributions: ContributionChange[] };

const epsilon = 1e-9;

export const summarize = (d: Decision): DecisionSummary => ({ verdict: d.verdict, score: d.score, action: d.action, flagged: d.flagged, rulesetVersion: d.rulesetVersion });

export function diffDecisions(before: Decision, after: Decision): DecisionDiff {
  const old = new Map(before.attribution.map((a) => [contributionKey(a), a]));
  const now = new Map(after.attribution.map((a) => [contributionKey(a), a]));
  const contributions: ContributionChange[] = [];
  for (const [key, a] of now) {
    const b = old.get(key);
    if (!b) contributions.push({ key, kind: a.kind, label: contributionLabel(a), change: 'added', before: null, after: a.contribution });
    else if (Math.abs(a.contribution - b.contribution) > epsilon) contributions.push({ key, kind: a.kind, label: contributionLabel(a), change: 'changed', before: b.contribution, after: a.contribution });
  }
  for (const [key, b] of old) {
    if (!now.has(key)) contributions.push({ key, kind: b.kind, label: contributionLabel(b), change: 'removed', before: b.contribution, after: null });
  }
  // Largest movement first, like the Why panel.
  contributions.sort((x, y) => Math.abs((y.after ?? 0) - (y.before ?? 0)) - Math.abs((x.after ?? 0) - (x.before ?? 0)));
  const changed =
    contributions.length > 0 ||
    before.verdict !== after.verdict ||
    before.action !== after.action ||
    before.flagged !== after.flagged ||
    before.rulesetVersion !== after.rulesetVersion ||
    Math.abs(before.score - after.score) > epsilon;
  return { changed, before: summarize(before), after: summarize(after), contributions };
}
