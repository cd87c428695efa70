// npm run score -- [--tenant SLUG] [--ruleset FILE] [--model FILE] [--workers N] PATH...
// Scores .eml files, directories (recursive) and mbox files with no database: every sender is new.
// stdout: one JSON object per message; stderr: diagnostics and progress. Exit 2 if it cannot start.
import { findDemoTenant } from '../lib/demo/tenants';
import { optionString, parseArgs } from './engine/args';
import type { ScoreLine } from './engine/handlers';
import { collectFiles } from './engine/inputs';
import { defaultWorkers, openPool } from './engine/pool';

// Below this many files, starting worker threads costs more than it saves.
const INLINE_BELOW = 64;
// Characters of output gathered before a write to stdout.
const OUTPUT_CHUNK = 64 * 1024;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const tenant = optionString(args, 'tenant');
  const rulesetPath = optionString(args, 'ruleset');
  const modelPath = optionString(args, 'model');
  if (args.positionals.length === 0) {
    process.stderr.write('usage: npm run score -- [--tenant SLUG] [--ruleset FILE] [--model FILE] PATH...\n');
    return 2;
  }
  if (tenant && !findDemoTenant(tenant)) {
    process.stderr.write(`unknown tenant: ${tenant}\n`);
    return 2;
  }
  const { files, missing } = collectFiles(args.positionals);
  const workersOption = optionString(args, 'workers');
  const workers = workersOption !== undefined ? Number(workersOption) : files.length < INLINE_BELOW ? 0 : defaultWorkers();
  // The worker threads boot while this thread loads the engine and compiles the plan.
  const pool = await openPool<ScoreLine[]>({ init: { mode: 'score', rulesetPath, modelPath, tenant }, jobs: files.map((path) => ({ path })), workers });
  const { loadPlan } = await import('./engine/plan');
  const compiled = loadPlan(rulesetPath, modelPath);
  if (!compiled.ok) {
    await pool.close();
    for (const d of compiled.diagnostics) process.stderr.write(`${d.ruleId}:${d.line}:${d.column}: ${d.message}\n`);
    return 2;
  }
  for (const m of missing) process.stdout.write(`${JSON.stringify({ path: m, error: { code: 'not_found', message: 'no such file or directory' } })}\n`);
  const started = performance.now();
  let messages = 0;
  // Lines go out in chunks: each stdout write is a system call (synchronous for files and pipes),
  // and one per message added up to ~3 % of a corpus run.
  let output = '';
  const flush = () => {
    process.stdout.write(output);
    output = '';
  };
  await pool.run({
    plan: compiled.plan,
    onResult: (_, lines) => {
      messages += lines.length;
      for (const line of lines) output += `${JSON.stringify(line)}\n`;
      if (output.length >= OUTPUT_CHUNK) flush();
    },
  });
  if (output) flush();
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`scored ${messages} messages from ${files.length} files in ${seconds.toFixed(2)} s (${Math.round(messages / Math.max(seconds, 1e-9))} msg/s, ${workers ? `${workers} worker${workers === 1 ? '' : 's'} + main thread` : 'main thread only'})\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`score: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
