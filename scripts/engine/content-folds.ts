import { scoreContent, loadContentModel } from '../../lib/engine/content/model';
import { encodeContentModel } from '../../lib/engine/content/stored';
import { trainContentModel, type ContentTrainOptions, type TrainingDocument } from '../../lib/engine/content/train';
import type { Label } from '../../lib/engine/model/train-model';
import { chooseThreshold, total, type Scored } from './cross-validate';

/**
 * Out-of-fold content scores: each message is scored by a content model trained on the other
 * folds. The main model learns its weight for message.content_score from these, so it weighs the
 * content model as it performs on mail it has not seen, not as it performs on its own training set.
 */
export function outOfFoldContentScores(docs: readonly TrainingDocument[], labels: readonly Label[], heads: readonly Label[], folds: Int32Array, k: number, opts: ContentTrainOptions, log: (line: string) => void): Float64Array {
  const out = new Float64Array(docs.length);
  for (let f = 0; f < k; f++) {
    const train = docs.map((_, i) => i).filter((i) => folds[i] !== f);
    const json = trainContentModel('fold', train.map((i) => docs[i]), train.map((i) => labels[i]), heads, opts);
    const model = loadContentModel(encodeContentModel(json));
    docs.forEach((doc, i) => {
      if (folds[i] === f) out[i] = scoreContent(model, doc.tokens.map((token) => ({ token, place: 'text', start: 0, end: 0 })), doc.length, 0).score;
    });
    log(`  content fold ${f + 1}/${k}: ${Object.keys(json.weights).length} tokens`);
  }
  return out;
}

/**
 * How much more the content score should count than the main model's log-loss fit gives it.
 * Log-loss weighs every message alike, but the product works at a ham false-positive rate of
 * `maxFp`, where the hard cases decide; so the boost is the one with the best mean phish and
 * spam recall across held-out folds, each fold cut at a threshold chosen on the other folds.
 * Returned in score points per unit of content score.
 */
export function chooseContentBoost(scored: readonly Scored[], content: Float64Array, k: number, scale: number, maxFp: number): number {
  let best = { boost: 0, recall: -1 };
  for (const boost of [0, 1, 2, 3, 4, 5, 6, 8]) {
    const boosted = scored.map((s, i) => ({ ...s, malicious: s.malicious + (boost / scale) * content[i] }));
    const caught = { phish: [0, 0], spam: [0, 0] };
    for (let f = 0; f < k; f++) {
      const threshold = chooseThreshold(boosted.filter((s) => s.fold !== f), scale, maxFp);
      for (const s of boosted) {
        if (s.fold !== f || s.label === 'ham') continue;
        caught[s.label][1]++;
        if (total(s, scale) >= threshold) caught[s.label][0]++;
      }
    }
    const recall = (caught.phish[0] / Math.max(caught.phish[1], 1) + caught.spam[0] / Math.max(caught.spam[1], 1)) / 2;
    if (recall > best.recall) best = { boost, recall };
  }
  return best.boost;
}
