import type { FeatureTransform, ModelHead, ModelWeights, SignalDef } from '../types';
import type { PackedSignals, SignalLayout } from '../rules/types';
import { chooseTransform, transformValue } from './features';
import { trainLogistic, type TrainedHead, type TrainOptions } from './logistic';

export type Label = 'phish' | 'spam' | 'ham';
export type Example = { packed: PackedSignals; label: Label };
export type FeatureSpec = { signal: string; slot: number; transform: FeatureTransform };

export const DEFAULT_TRAIN_OPTIONS: TrainOptions & { seed: number; folds: number } = {
  epochs: 400, l2: 0.0005, learningRate: 0.05, negativeWeight: 8, seed: 20261123, folds: 5,
};

/**
 * Signals the model must not learn from, because on the development corpus they describe how the
 * corpus was made rather than the message (see /work/shared/corpus/README.md, "Traps"):
 * - recipient addressing: the phishing source had its victim address replaced by the tenant
 *   mailbox, so "recipient is in To" separates phish from everything else for no real reason;
 * - aligned authentication passes: only the phishing source's receiver stamped
 *   Authentication-Results, so the model would learn "authenticated → malicious".
 * Failures (spf_fail, dkim_fail, dmarc_fail) stay: their direction is right in the real world too.
 */
export const EXCLUDED_FEATURES: ReadonlySet<string> = new Set([
  'message.recipient_not_addressed',
  'message.recipient_count',
  'message.spf_aligned',
  'message.dkim_aligned',
  'message.auth_aligned',
]);

/**
 * The model's inputs: message-level numeric signals only, minus EXCLUDED_FEATURES. Sender and recipient signals describe the
 * tenant's history, which the corpus does not have (every sender is new), so the model never sees them.
 */
export function selectFeatures(catalog: readonly SignalDef[], layout: SignalLayout): FeatureSpec[] {
  const out: FeatureSpec[] = [];
  for (const def of catalog) {
    const transform = chooseTransform(def.type);
    if (!transform || def.level !== 'message' || EXCLUDED_FEATURES.has(def.name)) continue;
    out.push({ signal: def.name, slot: layout.slots.get(def.name)!.index, transform });
  }
  return out;
}

/** One transformed feature row per example. */
export function buildRows(examples: readonly Example[], features: readonly FeatureSpec[]): Float64Array[] {
  return examples.map(({ packed }) => Float64Array.from(features, (f) => transformValue(f.transform, packed.num[f.slot])));
}

/** Trains both heads: malicious (phish+spam vs ham) and attack (phish vs spam, on malicious mail only). */
export function trainHeads(rows: readonly Float64Array[], labels: readonly Label[], dims: number, opts: TrainOptions): { malicious: TrainedHead; attack: TrainedHead } {
  const malicious = trainLogistic(rows, Uint8Array.from(labels, (l) => (l === 'ham' ? 0 : 1)), dims, opts);
  const badRows: Float64Array[] = [];
  const badLabels: number[] = [];
  labels.forEach((l, i) => {
    if (l === 'ham') return;
    badRows.push(rows[i]);
    badLabels.push(l === 'phish' ? 1 : 0);
  });
  const attack = trainLogistic(badRows, Uint8Array.from(badLabels), dims, { ...opts, negativeWeight: 1 });
  return { malicious, attack };
}

/** Packs trained heads as stored weights; numbers rounded so the JSON is stable and diffable. */
export function toModelWeights(
  id: string,
  heads: { malicious: TrainedHead; attack: TrainedHead },
  features: readonly FeatureSpec[],
  training: ModelWeights['training'],
): ModelWeights {
  const toHead = (h: TrainedHead): ModelHead => ({
    bias: round(h.bias),
    features: features.map((f, j) => ({ signal: f.signal, transform: f.transform, weight: round(h.weights[j]) })).filter((f) => f.weight !== 0),
  });
  return { id, heads: { malicious: toHead(heads.malicious), attack: toHead(heads.attack) }, training };
}

function round(v: number): number {
  const r = Number(v.toPrecision(6));
  return Object.is(r, -0) ? 0 : r;
}
