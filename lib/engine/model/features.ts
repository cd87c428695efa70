import type { FeatureTransform, SignalType } from '../types';

// log1p of small non-negative integers, looked up instead of computed: counts dominate the features.
const LOG1P_TABLE = Float64Array.from({ length: 1024 }, (_, i) => Math.log1p(i));

/** The transform a signal of this type gets as a model feature (strings are not features). */
export function chooseTransform(type: SignalType): FeatureTransform | null {
  if (type === 'bool') return 'bool';
  if (type === 'int') return 'log1p';
  if (type === 'double') return 'identity';
  return null;
}

/** log1p for counts, clamped at 0 so a bad negative count cannot produce -Infinity. */
export function log1pCount(v: number): number {
  if (v >= 0 && v < 1024 && (v | 0) === v) return LOG1P_TABLE[v];
  return v > 0 ? Math.log1p(v) : 0;
}

/** Applies a feature transform to one packed value; non-finite doubles count as 0. */
export function transformValue(transform: FeatureTransform, v: number): number {
  if (transform === 'bool') return v !== 0 ? 1 : 0;
  if (transform === 'log1p') return log1pCount(v);
  return Number.isFinite(v) ? v : 0;
}
