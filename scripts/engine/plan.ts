import { readFileSync } from 'node:fs';
import { compileRuleset } from '../../lib/engine/rules/compile';
import type { CompileResult } from '../../lib/engine/rules/types';
import { SIGNALS } from '../../lib/engine/signals';
import type { ModelWeights, RulesetSource } from '../../lib/engine/types';
import { DEFAULT_MODEL_PATH, DEFAULT_RULESET_PATH } from './paths';

/** Reads and compiles a ruleset file with its model; unreadable JSON is reported as a diagnostic. */
export function loadPlan(rulesetPath = DEFAULT_RULESET_PATH, modelPath = DEFAULT_MODEL_PATH, options: { withoutModel?: boolean } = {}): CompileResult {
  let source: RulesetSource;
  let model: ModelWeights | null = null;
  try {
    source = JSON.parse(readFileSync(rulesetPath, 'utf8')) as RulesetSource;
  } catch (error) {
    return { ok: false, diagnostics: [{ ruleId: '$ruleset', message: `cannot read ${rulesetPath}: ${(error as Error).message}`, line: 1, column: 1 }] };
  }
  // Training compiles the rules alone: the model it is about to write may not exist yet.
  if (options.withoutModel) source = { ...source, model: null };
  if (source.model) {
    try {
      model = JSON.parse(readFileSync(modelPath, 'utf8')) as ModelWeights;
    } catch (error) {
      return { ok: false, diagnostics: [{ ruleId: '$model', message: `cannot read ${modelPath}: ${(error as Error).message}`, line: 1, column: 1 }] };
    }
  }
  return compileRuleset(source, SIGNALS, model);
}
