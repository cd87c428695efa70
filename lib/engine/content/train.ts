// Training for the content model: one sparse logistic regression per head over token presence,
// scaled by lengthFactor, full-batch Adam, so the result depends only on the documents and the
// options (no sampling, no clock).
import { adamStep, createAdam } from '../model/adam';
import { lengthFactor } from './model';
import type { ContentWeights } from './stored';

export type ContentTrainOptions = {
  epochs: number;
  l2: number;
  learningRate: number;
  /** Extra weight on ham: > 1 trades recall for fewer false positives. */
  negativeWeight: number;
  /** Tokens in fewer training documents than this are left out: one-off words are memorised, not learned. */
  minDocuments: number;
  /** Tokens whose weights are all smaller than this in magnitude are dropped from the stored model. */
  minWeight: number;
};

export const DEFAULT_CONTENT_OPTIONS: ContentTrainOptions = {
  epochs: 300, l2: 3e-4, learningRate: 0.05, negativeWeight: 4, minDocuments: 3, minWeight: 0.005,
};

/** A training document: its distinct tokens and its token occurrence count (see contentDocument). */
export type TrainingDocument = { tokens: readonly string[]; length: number };

/**
 * Trains one head per name in `heads`. `labels[i]` is 'ham' or a head's name; each head learns
 * its class against ham only, so spam words and phishing words don't have to share one weight.
 */
export function trainContentModel(id: string, docs: readonly TrainingDocument[], labels: readonly string[], heads: readonly string[], opts: ContentTrainOptions = DEFAULT_CONTENT_OPTIONS): ContentWeights {
  const vocab = buildVocabulary(docs, opts.minDocuments);
  const rows = docs.map((d) => Int32Array.from(d.tokens.map((t) => vocab.get(t) ?? -1).filter((j) => j >= 0)));
  const trained = heads.map((head) => {
    const members = labels.flatMap((label, i) => (label === head || label === 'ham' ? [i] : []));
    return trainHead(members.map((i) => rows[i]), Float64Array.from(members, (i) => lengthFactor(docs[i].length)), Uint8Array.from(members, (i) => (labels[i] === 'ham' ? 0 : 1)), vocab.size, opts);
  });

  const weights: Record<string, number[]> = {};
  for (const [token, j] of [...vocab].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const w = trained.map((t) => t.w[j]);
    if (w.some((x) => Math.abs(x) >= opts.minWeight)) weights[token] = w.map(round);
  }
  return { id, heads: [...heads], bias: trained.map((t) => round(t.b)), weights };
}

/** Logistic regression where row i's features are its tokens, each worth scales[i]; classes weighted to balance. */
function trainHead(rows: readonly Int32Array[], scales: Float64Array, labels: Uint8Array, dims: number, opts: ContentTrainOptions): { w: Float64Array; b: number } {
  const n = rows.length;
  const pos = labels.reduce((a, b) => a + b, 0);
  const wPos = pos > 0 ? n / (2 * pos) : 0;
  const wNeg = pos < n ? (n / (2 * (n - pos))) * opts.negativeWeight : 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += labels[i] ? wPos : wNeg;

  const adam = createAdam(dims);
  const { w } = adam;
  const grad = new Float64Array(dims);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    grad.fill(0);
    let gB = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      let sum = 0;
      for (let k = 0; k < row.length; k++) sum += w[row[k]];
      const err = (1 / (1 + Math.exp(-(adam.b + scales[i] * sum))) - labels[i]) * (labels[i] ? wPos : wNeg);
      gB += err;
      const g = err * scales[i];
      for (let k = 0; k < row.length; k++) grad[row[k]] += g;
    }
    adamStep(adam, grad, gB, totalWeight, epoch, opts);
  }
  return { w, b: adam.b };
}

/** Token → column for tokens in at least `minDocuments` documents, in first-seen order. */
function buildVocabulary(docs: readonly TrainingDocument[], minDocuments: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const t of doc.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, c] of counts) if (c >= minDocuments) vocab.set(t, vocab.size);
  return vocab;
}

// Four significant digits keep the shipped JSON small and stable across platforms.
function round(x: number): number {
  const r = Number(x.toPrecision(4));
  return Object.is(r, -0) ? 0 : r;
}
