// node --import tsx scripts/phrase-prefilter.ts
// Writes lib/engine/data/phrase-prefilter.json, the plan of the phrase prefilter for the current
// phrase list (see lib/engine/signals/phrase-prefilter.ts). Run it after editing
// lib/engine/data/phrases.ts: until then the engine builds the plan at start-up (exact, ~60 ms
// slower per thread) and phrase-prefilter.test.ts fails.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planPrefilter } from '../lib/engine/signals/phrase-prefilter';
import { PHRASE_REGEX_BODY } from '../lib/engine/signals/phrases';

const OUT = fileURLToPath(new URL('../lib/engine/data/phrase-prefilter.json', import.meta.url));

const plan = planPrefilter(PHRASE_REGEX_BODY);
if (!plan) {
  console.error('The phrase regex uses syntax the prefilter does not read; findPhrases falls back to the plain scan.');
  process.exit(1);
}
// One automaton state per line keeps diffs readable.
const rows = plan.rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
const { bodySha256, depth, classOf } = plan;
writeFileSync(OUT, `{\n  "bodySha256": "${bodySha256}",\n  "depth": ${depth},\n  "classOf": ${JSON.stringify(classOf)},\n  "rows": [\n${rows}\n  ]\n}\n`);
console.log(`wrote ${OUT}: ${classOf.length} slots, ${Math.max(...classOf) + 1} classes, ${plan.rows.length} states`);
