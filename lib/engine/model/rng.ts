/** A seeded PRNG (mulberry32): training must be reproducible, so Math.random is never used. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0..n-1 driven by `rng`. */
export function shuffledIndexes(n: number, rng: () => number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Stratified fold numbers 0..k-1: each label is spread evenly over the folds. */
export function assignFolds(labels: readonly string[], k: number, seed: number): Int32Array {
  const folds = new Int32Array(labels.length);
  const rng = createRng(seed);
  const order = shuffledIndexes(labels.length, rng);
  // Labels are visited in sorted order so the assignment does not depend on Map insertion order.
  for (const label of [...new Set(labels)].sort()) {
    let c = 0;
    for (const i of order) if (labels[i] === label) folds[i] = c++ % k;
  }
  return folds;
}
