// Training for the content model: sparse logistic regression over token presence, full-batch
// Adam, so the result depends only on the documents and the options (no sampling, no clock).
import { adamStep, createAdam } from '../model/adam';
import type { ContentModelJson } from './model';

export type ContentTrainOptions = {
  epochs: number;
  l2: number;
  learningRate: number;
  /** Extra weight on ham: > 1 trades recall for fewer false positives. */
  negativeWeight: number;
  /** Tokens in fewer training documents than this are left out: one-off words are memorised, not learned. */
  minDocuments: number;
  /** Weights smaller than this in magnitude are dropped from the stored model. */
  minWeight: number;
};

export const DEFAULT_CONTENT_OPTIONS: ContentTrainOptions = {
  epochs: 300, l2: 3e-4, learningRate: 0.05, negativeWeight: 4, minDocuments: 3, minWeight: 0.005,
};

/** Trains on token lists (from contentTokens) with labels 1 = malicious, 0 = ham. */
export function trainContentModel(id: string, docs: readonly (readonly string[])[], labels: Uint8Array, opts: ContentTrainOptions = DEFAULT_CONTENT_OPTIONS): ContentModelJson {
  const vocab = buildVocabulary(docs, opts.minDocuments);
  const rows = docs.map((d) => Int32Array.from(d.map((t) => vocab.get(t) ?? -1).filter((j) => j >= 0)));
  const n = docs.length;
  const pos = labels.reduce((a, b) => a + b, 0);
  const wPos = pos > 0 ? n / (2 * pos) : 0;
  const wNeg = pos < n ? (n / (2 * (n - pos))) * opts.negativeWeight : 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += labels[i] ? wPos : wNeg;

  const adam = createAdam(vocab.size);
  const { w } = adam;
  const grad = new Float64Array(vocab.size);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    grad.fill(0);
    let gB = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      let logit = adam.b;
      for (let k = 0; k < row.length; k++) logit += w[row[k]];
      const err = (1 / (1 + Math.exp(-logit)) - labels[i]) * (labels[i] ? wPos : wNeg);
      gB += err;
      for (let k = 0; k < row.length; k++) grad[row[k]] += err;
    }
    adamStep(adam, grad, gB, totalWeight, epoch, opts);
  }

  const weights: Record<string, number> = {};
  for (const [token, j] of [...vocab].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    if (Math.abs(w[j]) >= opts.minWeight) weights[token] = round(w[j]);
  }
  return { id, bias: round(adam.b), weights };
}

/** Token → column for tokens in at least `minDocuments` documents, in first-seen order. */
function buildVocabulary(docs: readonly (readonly string[])[], minDocuments: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, c] of counts) if (c >= minDocuments) vocab.set(t, vocab.size);
  return vocab;
}

// Four significant digits keep the shipped JSON small and stable across platforms.
function round(x: number): number {
  const r = Number(x.toPrecision(4));
  return Object.is(r, -0) ? 0 : r;
}
