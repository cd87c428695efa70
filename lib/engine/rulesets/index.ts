// The shipped ruleset and model weights, as data. Compile with compileDefaultPlan().
import type { ModelWeights, RulesetSource } from '../types';
import defaultRuleset from './default.json';
import defaultModel from './model.json';

/** The shipped ruleset (lib/engine/rulesets/default.json). */
export const DEFAULT_RULESET: RulesetSource = defaultRuleset as RulesetSource;

/** The shipped model weights (lib/engine/rulesets/model.json, written by `npm run train`). */
export const DEFAULT_MODEL: ModelWeights = defaultModel as ModelWeights;
