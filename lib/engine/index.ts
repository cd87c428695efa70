// The engine's public surface: parse → signals → compiled plan → decision. Everything else in
// lib/engine is internal and may change without notice.
import { DEFAULT_MODEL, DEFAULT_RULESET } from './rulesets';
import { compileRuleset } from './rules/compile';
import type { Plan } from './rules/types';
import { SIGNALS } from './signals';

export * from './types';
export { parseMessage, DEFAULT_PARSE_LIMITS } from './parse';
export type { ParseError, ParseErrorCode, ParseLimits, ParseResult } from './parse';
export { extractSignals, SIGNALS } from './signals';
export { compileRuleset } from './rules/compile';
export { createLayout, packSignals, readPacked } from './rules/layout';
export type { CompileResult, CompiledRule, PackedSignals, Plan, SignalLayout } from './rules/types';
export { evaluate, decidePacked } from './decision/evaluate';
export type { EvaluateOptions, QuickDecision } from './decision/evaluate';
export { scoreMessage } from './decision/score-message';
export type { ScoreResult } from './decision/score-message';
export { identifyMessage, isAuthAligned } from './decision/identity';
export { DEFAULT_MODEL, DEFAULT_RULESET } from './rulesets';

let defaultPlan: Plan | null = null;

/** The shipped ruleset compiled against the shipped catalog and model (compiled once, then cached). */
export function compileDefaultPlan(): Plan {
  if (defaultPlan) return defaultPlan;
  const result = compileRuleset(DEFAULT_RULESET, SIGNALS, DEFAULT_MODEL);
  // The shipped ruleset is tested to compile; failing here is a bug, not an input error.
  if (!result.ok) throw new Error(`shipped ruleset does not compile: ${JSON.stringify(result.diagnostics)}`);
  defaultPlan = result.plan;
  return defaultPlan;
}
