import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the shipped ruleset and models live. A module of its own so that a CLI can name them
// without loading the engine (see openPool).
const RULESETS = join(dirname(fileURLToPath(import.meta.url)), '../../lib/engine/rulesets');

/** Default locations of the shipped ruleset and model weights. */
export const DEFAULT_RULESET_PATH = join(RULESETS, 'default.json');
export const DEFAULT_MODEL_PATH = join(RULESETS, 'model.json');
export const DEFAULT_CONTENT_MODEL_PATH = join(RULESETS, 'content-model.json');
