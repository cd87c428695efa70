import { adamStep, createAdam } from './adam';

export type TrainOptions = {
  epochs: number;
  /** L2 penalty on standardized weights. */
  l2: number;
  learningRate: number;
  /** Extra weight on negative (label 0) examples: >1 trades recall for fewer false positives. */
  negativeWeight: number;
};

export type TrainedHead = { bias: number; weights: Float64Array };

/**
 * Logistic regression by full-batch Adam on standardized columns, mapped back to raw-feature
 * weights. Full batch means no sampling: the result depends only on the data and options.
 */
export function trainLogistic(rows: readonly Float64Array[], labels: Uint8Array, dims: number, opts: TrainOptions): TrainedHead {
  const n = rows.length;
  const { mean, sd } = standardize(rows, dims);
  const pos = labels.reduce((a, b) => a + b, 0);
  // Balanced class weights, then the precision bias on negatives.
  const wPos = pos > 0 ? n / (2 * pos) : 0;
  const wNeg = pos < n ? (n / (2 * (n - pos))) * opts.negativeWeight : 0;
  const adam = createAdam(dims);
  const { w } = adam;
  const grad = new Float64Array(dims);
  const z = new Float64Array(dims);
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += labels[i] ? wPos : wNeg;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    grad.fill(0);
    let gB = 0;
    for (let i = 0; i < n; i++) {
      const x = rows[i];
      let logit = adam.b;
      for (let j = 0; j < dims; j++) {
        z[j] = sd[j] > 0 ? (x[j] - mean[j]) / sd[j] : 0;
        logit += w[j] * z[j];
      }
      const p = 1 / (1 + Math.exp(-logit));
      const sw = labels[i] ? wPos : wNeg;
      const err = (p - labels[i]) * sw;
      gB += err;
      for (let j = 0; j < dims; j++) grad[j] += err * z[j];
    }
    adamStep(adam, grad, gB, totalWeight, epoch, opts);
  }
  const b = adam.b;
  // Fold the standardization into the weights so runtime multiplies raw transformed values.
  const raw = new Float64Array(dims);
  let bias = b;
  for (let j = 0; j < dims; j++) {
    if (sd[j] === 0) continue;
    raw[j] = w[j] / sd[j];
    bias -= (w[j] * mean[j]) / sd[j];
  }
  return { bias, weights: raw };
}

/** logit = bias + Σ w·x. */
export function scoreLogit(head: TrainedHead, x: Float64Array): number {
  let s = head.bias;
  for (let j = 0; j < x.length; j++) s += head.weights[j] * x[j];
  return s;
}

function standardize(rows: readonly Float64Array[], dims: number): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(dims), sd = new Float64Array(dims);
  for (const x of rows) for (let j = 0; j < dims; j++) mean[j] += x[j];
  for (let j = 0; j < dims; j++) mean[j] /= Math.max(rows.length, 1);
  for (const x of rows) for (let j = 0; j < dims; j++) sd[j] += (x[j] - mean[j]) ** 2;
  // Constant columns (sd 0) carry no information and get weight 0.
  for (let j = 0; j < dims; j++) sd[j] = Math.sqrt(sd[j] / Math.max(rows.length, 1)) > 1e-9 ? Math.sqrt(sd[j] / Math.max(rows.length, 1)) : 0;
  return { mean, sd };
}
