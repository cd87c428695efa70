// Full-batch Adam with L2 on the weights (not the bias), shared by the linear model and the
// content model so both train the same way.

/** Weights, bias and Adam's moment estimates. */
export type AdamState = { w: Float64Array; b: number; m: Float64Array; v: Float64Array; mB: number; vB: number };

const beta1 = 0.9, beta2 = 0.999, eps = 1e-8;

/** A zero-initialised state for `dims` weights. */
export function createAdam(dims: number): AdamState {
  return { w: new Float64Array(dims), b: 0, m: new Float64Array(dims), v: new Float64Array(dims), mB: 0, vB: 0 };
}

/** One step (epoch from 1) from summed weighted errors `grad` / `gB`, normalised by `totalWeight`. */
export function adamStep(s: AdamState, grad: Float64Array, gB: number, totalWeight: number, epoch: number, opts: { l2: number; learningRate: number }): void {
  const c1 = 1 - Math.pow(beta1, epoch), c2 = 1 - Math.pow(beta2, epoch);
  const { w, m, v } = s;
  for (let j = 0; j < w.length; j++) {
    const g = grad[j] / totalWeight + opts.l2 * w[j];
    m[j] = beta1 * m[j] + (1 - beta1) * g;
    v[j] = beta2 * v[j] + (1 - beta2) * g * g;
    w[j] -= (opts.learningRate * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + eps);
  }
  const g = gB / totalWeight;
  s.mB = beta1 * s.mB + (1 - beta1) * g;
  s.vB = beta2 * s.vB + (1 - beta2) * g * g;
  s.b -= (opts.learningRate * (s.mB / c1)) / (Math.sqrt(s.vB / c2) + eps);
}
