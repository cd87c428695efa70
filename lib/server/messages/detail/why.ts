import 'server-only';
import { SIGNALS, type Attribution, type Decision, type RuleSource, type RulesetSource } from '@/lib/engine';
import { describeScope } from '@/lib/server/corrections/scope';
import type { EvidenceIndex, EvidenceRef } from './evidence';

// The "why flagged" panel as data: every contribution in the decision's own order (largest
// absolute contribution first), each with what a person needs to judge it.

export type ContributionView =
  | { kind: 'rule'; key: string; ruleId: string; title: string; description: string; expression: string; category: string; contribution: number; signals: string[]; evidence: EvidenceRef[] }
  | { kind: 'model'; key: string; feature: string; description: string; value: number; weight: number; contribution: number; evidence: EvidenceRef[] }
  | { kind: 'correction'; key: string; correctionId: string; effect: 'allow' | 'suppress_rule'; scope: string; contribution: number };

export type WhyView = {
  verdict: Decision['verdict'];
  score: number;
  action: Decision['action'];
  flagged: boolean;
  rulesetVersion: string;
  /** The version rule titles/descriptions/expressions were read from: the deciding one when it is stored, else the published one. */
  currentRulesetVersion: string;
  contributions: ContributionView[];
};

const signalDescriptions = new Map(SIGNALS.map((s) => [s.name, s.description]));

export function buildWhy(decision: Decision, index: EvidenceIndex | null, ruleset: RulesetSource): WhyView {
  const rulesById = new Map<string, RuleSource>(ruleset.rules.map((r) => [r.id, r]));
  const refs = (evidence: Parameters<EvidenceIndex['refs']>[0]): EvidenceRef[] =>
    index ? index.refs(evidence) : evidence.map((e) => ({ id: null, target: 'none', where: e.kind, text: e.text }));
  return {
    verdict: decision.verdict,
    score: decision.score,
    action: decision.action,
    flagged: decision.flagged,
    rulesetVersion: decision.rulesetVersion,
    currentRulesetVersion: ruleset.version,
    contributions: decision.attribution.map((a) => toView(a, refs, rulesById)),
  };
}

/** Stable identity of a contribution across two decisions (for the re-score diff). */
export function contributionKey(a: Attribution): string {
  if (a.kind === 'rule') return `rule:${a.ruleId}`;
  if (a.kind === 'model') return `model:${a.feature}`;
  return `correction:${a.correctionId}:${a.effect}`;
}

/** What a contribution is called, for people. */
export function contributionLabel(a: Attribution): string {
  if (a.kind === 'rule') return a.title;
  if (a.kind === 'model') return `model: ${a.feature}`;
  return `correction #${a.correctionId} (${a.effect === 'allow' ? 'allow' : 'rule suppressed'})`;
}

function toView(a: Attribution, refs: (e: Parameters<EvidenceIndex['refs']>[0]) => EvidenceRef[], rulesById: Map<string, RuleSource>): ContributionView {
  const key = contributionKey(a);
  if (a.kind === 'rule') {
    const source = rulesById.get(a.ruleId);
    return {
      kind: 'rule', key, ruleId: a.ruleId, title: a.title, category: a.category, contribution: a.contribution, signals: a.signals,
      // A rule no longer in the published ruleset keeps its stored title; say so instead of guessing.
      description: source?.description ?? 'This rule is not in the published ruleset any more.',
      expression: source?.expression ?? '',
      evidence: refs(a.evidence),
    };
  }
  if (a.kind === 'model') {
    return { kind: 'model', key, feature: a.feature, description: signalDescriptions.get(a.feature) ?? '', value: a.value, weight: a.weight, contribution: a.contribution, evidence: refs(a.evidence) };
  }
  return { kind: 'correction', key, correctionId: a.correctionId, effect: a.effect, scope: describeScope(a.scope), contribution: a.contribution };
}

