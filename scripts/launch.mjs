// node [--conditions=X] scripts/launch.mjs scripts/ENTRY.ts [ARG ...]
// Runs a TypeScript CLI from a cached esbuild bundle instead of through tsx, which spends ~1 s of
// CPU transforming modules before the CLI does any work (see lib/bundle/bundle.mjs). The entry sees the
// same process.argv as under `node --import tsx scripts/ENTRY.ts ARG ...`. Without esbuild, tsx.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { bundleEntry } from '../lib/bundle/bundle.mjs';

// V8 optimises a function after it has run ~66 KB of bytecode. The engine's parsers are large
// functions that meet new input shapes for a while, so early optimisation deoptimised and
// recompiled them over and over: TurboFan took ~30 % of the CPU of scoring the 4,353-message
// corpus, once per worker thread. Waiting 8× longer gathers enough type feedback first and cut
// the run's CPU by ~15 %; steady-state code is the same. Flags are process-wide (worker threads
// included); a Node whose V8 lacks the flag only warns on stderr. Set before any CLI code loads.
setFlagsFromString('--interrupt-budget=540672');
// TurboFan inlines callees into a function it optimises up to 920 bytes of bytecode in all. The
// engine's large parsers are recompiled several times as they meet new input, and each time the
// inlined graph is compiled again: a quarter of that (230) cut the CPU of a corpus run by ~5 %
// (4 A/B series, CPU ratio 0.92–0.95), and 115 or 345 measured the same as 230.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
// The score and eval scripts also give node --max-semi-space-size=8 (MB; 16 by default) in
// package.json: the heap's size is fixed when an isolate starts, so set here it would reach the
// worker threads only. Half the young generation means ~4,000 fewer first touches of memory per
// thread, each a page fault that costs ~10 µs in this VM: wall ~2 % less on a corpus run (14
// pairs A/B, ratio 0.98), peak memory 205 → 175 MiB. 4 MB measured worse (1.04 against 8).

const entry = resolve(process.argv[2] ?? '');
process.argv.splice(1, 2, entry);
const conditions = process.execArgv.flatMap((a) => (a.startsWith('--conditions=') ? [a.slice('--conditions='.length)] : []));
const bundled = await bundleEntry(entry, { conditions });
if (bundled) {
  await import(bundled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
