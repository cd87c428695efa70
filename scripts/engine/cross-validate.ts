import type { PackedSignals, Plan } from '../../lib/engine/rules/types';
import type { FeatureSpec, Label } from '../../lib/engine/model/train-model';
import { buildRows, trainHeads } from '../../lib/engine/model/train-model';
import { scoreLogit } from '../../lib/engine/model/logistic';
import type { TrainOptions } from '../../lib/engine/model/logistic';

export type Scored = { label: Label; source: string; fold: number; rules: number; lean: number; malicious: number; attack: number };

/**
 * Out-of-fold model outputs: for each fold, heads trained on the other folds score its messages.
 * `malicious` is the logit minus its bias, exactly what evaluate() adds (times the scale).
 */
export function crossValidate(
  examples: readonly { packed: PackedSignals; label: Label; source: string }[],
  folds: Int32Array,
  k: number,
  features: readonly FeatureSpec[],
  plan: Plan,
  opts: TrainOptions,
  log: (line: string) => void,
): Scored[] {
  const rows = buildRows(examples, features);
  const fired = new Uint8Array(plan.rules.length);
  const lean = new Float64Array(1);
  const out: Scored[] = examples.map((e, i) => {
    const rules = plan.runRules(e.packed.num, e.packed.str, fired, lean);
    return { label: e.label, source: e.source, fold: folds[i], rules, lean: lean[0], malicious: 0, attack: 0 };
  });
  for (let f = 0; f < k; f++) {
    const trainIdx = examples.map((_, i) => i).filter((i) => folds[i] !== f);
    const heads = trainHeads(trainIdx.map((i) => rows[i]), trainIdx.map((i) => examples[i].label), features.length, opts);
    examples.forEach((_, i) => {
      if (folds[i] !== f) return;
      out[i].malicious = scoreLogit(heads.malicious, rows[i]) - heads.malicious.bias;
      out[i].attack = scoreLogit(heads.attack, rows[i]);
    });
    log(`  fold ${f + 1}/${k} trained on ${trainIdx.length} messages`);
  }
  return out;
}

/** The lowest threshold whose ham false-positive rate on `scored` stays within `maxFp`. */
export function chooseThreshold(scored: readonly Scored[], scale: number, maxFp: number): number {
  const ham = scored.filter((s) => s.label === 'ham').map((s) => total(s, scale)).sort((a, b) => b - a);
  const allowed = Math.floor(ham.length * maxFp);
  // Just above the (allowed+1)-th highest ham score: at most `allowed` ham messages reach it.
  const cut = ham[allowed] ?? -Infinity;
  return Math.round((cut + 0.05) * 100) / 100;
}

/** Score as evaluate() computes it (rules + scaled model). */
export function total(s: Scored, scale: number): number {
  return s.rules + scale * s.malicious;
}
