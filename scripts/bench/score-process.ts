import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { readManifest } from '../engine/corpus';
import { round } from '../engine/pipeline';
import { quantile } from './latency';
import type { BenchSection } from './types';

const ROOT = resolve(import.meta.dirname, '../..');

// The speed goal as the engine issue states it: whole `npm run score` processes over the corpus,
// timed from outside, so npm, Node's start-up, the worker threads and reading every file count,
// as they do for a user. The engine section measures the engine inside one warm process instead.
export const scoreProcessSection: BenchSection = {
  name: 'score',
  description: 'whole `npm run score` processes over the corpus messages, wall time (median of --runs, default 5)',
  run: async (ctx) => {
    const dir = resolve(typeof ctx.options.get('corpus') === 'string' ? (ctx.options.get('corpus') as string) : resolve(ROOT, '../shared/corpus'));
    const limit = Number(ctx.options.get('limit') ?? 0) || Infinity;
    const runs = Math.max(1, Number(ctx.options.get('runs') ?? 5) || 5);
    // The folder that holds every message (the corpus folder's README and manifest are not
    // messages), else each file: npm hands the script its arguments as one shell command line,
    // which Linux caps at 128 KB, so a few thousand paths do not fit.
    const entries = readManifest(dir);
    const parents = new Set(entries.map((e) => dirname(e.path)));
    const paths = limit >= entries.length && parents.size === 1 ? [...parents] : entries.slice(0, limit).map((e) => e.path);
    ctx.log(`score: ${Math.min(limit, entries.length)} messages, ${runs} runs after a warm-up`);

    // The warm-up also rebuilds the CLI's bundle if a source file changed since it was built.
    scoreOnce(paths);
    const seconds: number[] = [];
    let scored = 0;
    for (let i = 0; i < runs; i++) {
      const run = scoreOnce(paths);
      seconds.push(run.seconds);
      scored = run.scored;
    }
    seconds.sort((a, b) => a - b);
    const median = quantile(seconds, 0.5);
    ctx.report('score', 'process_throughput', scored / median, 'msg/s', { messages: scored, medianSeconds: round(median), minSeconds: round(seconds[0]), maxSeconds: round(seconds.at(-1)!) });
  },
};

function scoreOnce(paths: string[]): { seconds: number; scored: number } {
  const started = performance.now();
  const r = spawnSync('npm', ['run', '-s', 'score', '--', ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`npm run score exited with ${r.status}: ${r.stderr.trim().split('\n').at(-1)}`);
  // Only messages that got a verdict count; a line with an error is not a scored message.
  const scored = r.stdout.split('\n').filter((line) => line.includes('"verdict":')).length;
  return { seconds, scored };
}
