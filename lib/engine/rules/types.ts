import type { Diagnostic, ModelWeights, RuleCategory, RuleSource, SignalType, Thresholds } from '../types';

/** Where each catalog signal lives in a packed vector: numbers/bools in `num`, strings in `str`. */
export type SignalLayout = {
  /** Changes whenever a signal is added, removed, retyped or reordered: stored vectors carry it. */
  key: string;
  slots: Map<string, { type: SignalType; index: number }>;
  numNames: string[];
  strNames: string[];
};

/** One message's signal values in layout order: what is stored per message for backtests. */
export type PackedSignals = { num: Float64Array; str: string[] };

/** A rule after type-checking and code generation. */
export type CompiledRule = {
  id: string;
  title: string;
  category: RuleCategory;
  score: number;
  enabled: boolean;
  /** Catalog signals the expression reads (for attribution evidence). */
  signals: string[];
  /** The generated JavaScript expression (kept for debugging and tests). */
  code: string;
  /** Evaluates this rule alone. */
  test: (packed: PackedSignals) => boolean;
  source: RuleSource;
};

/** A linear head compiled to a function over packed numbers. */
export type CompiledHead = {
  bias: number;
  features: { signal: string; slot: number; transform: 'bool' | 'log1p' | 'identity'; weight: number }[];
  logit: (num: Float64Array) => number;
};

/** A compiled ruleset: everything `evaluate` needs, nothing it has to re-parse. */
export type Plan = {
  version: string;
  thresholds: Thresholds;
  layout: SignalLayout;
  /** Enabled rules only, in source order; `fired[i]` refers to `rules[i]`. */
  rules: CompiledRule[];
  /** Disabled rules, still type-checked so they can be re-enabled safely. */
  disabled: CompiledRule[];
  /**
   * Writes 1/0 per enabled rule into `fired`, returns the sum of fired rules' scores and puts the
   * attack lean (fired positive attack-rule points minus fired positive spam-rule points) into `lean[0]`.
   */
  runRules: (num: Float64Array, str: string[], fired: Uint8Array, lean: Float64Array) => number;
  model: { scale: number; malicious: CompiledHead; attack: CompiledHead; weights: ModelWeights } | null;
};

export type CompileResult = { ok: true; plan: Plan } | { ok: false; diagnostics: Diagnostic[] };
