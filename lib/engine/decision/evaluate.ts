import type { Attribution, Correction, Decision, Evidence, MessageIdentity, SignalSet, Verdict } from '../types';
import { packSignals } from '../rules/layout';
import type { PackedSignals, Plan } from '../rules/types';
import { transformValue } from '../model/features';
import { matchCorrections } from './corrections';
import { ACTION_BY_VERDICT, chooseVerdict, isFlagged } from './verdict';

export type EvaluateOptions = {
  /** Active corrections of the tenant; they only apply when `identity` is given. */
  corrections?: readonly Correction[];
  /** Who the message claims to be from (see identifyMessage). */
  identity?: MessageIdentity;
  /** Evidence per signal, for packed input (a SignalSet carries its own). */
  evidence?: Record<string, Evidence[]>;
};

/** The verdict and score alone: the hot path for re-scoring stored packed signals. */
export type QuickDecision = { verdict: Verdict; score: number; flagged: boolean };

type Scratch = { fired: Uint8Array; lean: Float64Array };
const scratchByPlan = new WeakMap<Plan, Scratch>();

function scratchFor(plan: Plan): Scratch {
  let s = scratchByPlan.get(plan);
  if (!s) {
    s = { fired: new Uint8Array(plan.rules.length), lean: new Float64Array(1) };
    scratchByPlan.set(plan, s);
  }
  return s;
}

/** Scores packed signals with no attribution or corrections; allocation-free apart from the result. */
export function decidePacked(plan: Plan, packed: PackedSignals): QuickDecision {
  const { fired, lean } = scratchFor(plan);
  let score = plan.runRules(packed.num, packed.str, fired, lean);
  let attackLean = lean[0];
  const m = plan.model;
  if (m) {
    // The bias is a constant: thresholds absorb it, so a message with no features scores 0.
    score += m.scale * (m.malicious.logit(packed.num) - m.malicious.bias);
    // The lean only matters at or above the attack threshold: skip the second head below it.
    if (score >= plan.thresholds.attack) attackLean += m.scale * m.attack.logit(packed.num);
  }
  const verdict = chooseVerdict(plan.thresholds, score, attackLean);
  return { verdict, score, flagged: verdict === 'attack' || verdict === 'spam' };
}

/** Scores one message's signals into a Decision with full attribution, applying corrections. */
export function evaluate(plan: Plan, signals: SignalSet | PackedSignals, options: EvaluateOptions = {}): Decision {
  const packed = 'values' in signals ? packSignals(plan.layout, signals) : signals;
  const evidence = 'values' in signals ? signals.evidence : (options.evidence ?? {});
  const fired = new Uint8Array(plan.rules.length);
  const lean = new Float64Array(1);
  let score = plan.runRules(packed.num, packed.str, fired, lean);
  let attackLean = lean[0];
  const attribution: Attribution[] = [];
  const matched = matchCorrections(options.corrections, options.identity);

  plan.rules.forEach((rule, i) => {
    if (fired[i] === 0) return;
    attribution.push({
      kind: 'rule', ruleId: rule.id, title: rule.title, category: rule.category, contribution: rule.score,
      signals: rule.signals, evidence: rule.signals.flatMap((name) => evidence[name] ?? []),
    });
    const suppression = matched.suppress.get(rule.id);
    if (!suppression) return;
    // The rule stays visible (it did fire); the correction cancels its points.
    score -= rule.score;
    if (rule.score > 0 && rule.category === 'attack') attackLean -= rule.score;
    if (rule.score > 0 && rule.category === 'spam') attackLean += rule.score;
    attribution.push({ kind: 'correction', correctionId: suppression.id, scope: suppression.scope, effect: 'suppress_rule', contribution: -rule.score });
  });

  const m = plan.model;
  if (m) {
    score += m.scale * (m.malicious.logit(packed.num) - m.malicious.bias);
    attackLean += m.scale * m.attack.logit(packed.num);
    for (const f of m.malicious.features) {
      const value = transformValue(f.transform, packed.num[f.slot]);
      const contribution = m.scale * f.weight * value;
      if (contribution === 0) continue;
      attribution.push({ kind: 'model', feature: f.signal, value, weight: m.scale * f.weight, contribution, evidence: evidence[f.signal] ?? [] });
    }
  }

  let verdict = chooseVerdict(plan.thresholds, score, attackLean);
  if (matched.allow) {
    const c = matched.allow;
    // An allow cancels whatever positive score there was, so the attribution still sums to the score.
    const contribution = score > 0 ? -score : 0;
    score += contribution;
    verdict = 'safe';
    attribution.push({ kind: 'correction', correctionId: c.id, scope: c.scope, effect: 'allow', contribution });
  }
  const action = ACTION_BY_VERDICT[verdict];
  return { verdict, score, action, flagged: isFlagged(action), rulesetVersion: plan.version, attribution: sortAttribution(attribution) };
}

const KIND_ORDER = { correction: 0, rule: 1, model: 2 } as const;

// Largest |contribution| first; ties broken by kind then id so the order is deterministic.
function sortAttribution(items: Attribution[]): Attribution[] {
  const idOf = (a: Attribution) => (a.kind === 'rule' ? a.ruleId : a.kind === 'model' ? a.feature : a.correctionId);
  return items.sort((a, b) => {
    const d = Math.abs(b.contribution) - Math.abs(a.contribution);
    if (d !== 0) return d;
    const k = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    if (k !== 0) return k;
    return idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0;
  });
}
