// npm run bench -- [--only SECTION[,SECTION]] [--corpus DIR] [--limit N] [--workers N] [--runs N]
//                  [--database NAME] [--tenant SLUG] [--messages N] [--requests N]
// Runs the benchmark sections in scripts/bench/ (engine, score, ingest, messages, sandbox) and prints one
// JSON line per measurement. `messages` and `sandbox` need a database of --messages (default
// 1,000,000) stored messages: they reuse --database (default triage_bench_1m, on DATABASE_URL's
// server or the embedded one), generated with db:generate's code the first time (minutes).
import { parseArgs } from './engine/args';
import { BENCH_SECTIONS } from './bench/sections';
import type { BenchContext } from './bench/types';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const only = args.options.get('only');
  const wanted = typeof only === 'string' ? new Set(only.split(',')) : null;
  const sections = BENCH_SECTIONS.filter((s) => !wanted || wanted.has(s.name));
  if (sections.length === 0) {
    process.stderr.write(`no such section; known: ${BENCH_SECTIONS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const ctx: BenchContext = {
    options: args.options,
    log: (line) => process.stderr.write(`${line}\n`),
    report: (section, metric, value, unit, extra = {}) => {
      process.stdout.write(`${JSON.stringify({ section, metric, value: Math.round(value * 100) / 100, unit, ...extra })}\n`);
      process.stderr.write(`  ${section}.${metric}: ${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2)} ${unit}\n`);
    },
  };
  for (const s of sections) {
    ctx.log(`bench: ${s.name} — ${s.description}`);
    await s.run(ctx);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
