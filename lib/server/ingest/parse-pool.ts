import 'server-only';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TenantProfile } from '@/lib/engine';
import type { Analyzed } from '@/lib/server/messages/row';

// Parsing and content signals are ~90 % of ingest CPU and need no tenant history, so the CLI and
// seed run them (analyzeRaw) on worker threads; the main thread only adds the history signals,
// decides and writes, in arrival order. Workers return the small summary + signals, not the parsed
// message: structured-cloning a whole ParsedMessage (bodies, HTML, headers) back to the main thread
// cost more main-thread time (deserialisation and GC) than the parse saved. The worker body is
// TypeScript bundled by esbuild (or loaded through tsx), so this is for the scripts (CLI, seed),
// not the Next server.
//
// Requests travel in groups (all made in one tick, up to GROUP per message) and results come back
// one message per group: each postMessage costs ~0.1 ms on both sides whatever it carries, as much
// as cloning one result. Raw bytes in a SharedArrayBuffer (read-shared.ts) are not copied at all.

export type AnalyzePool = { analyze(raw: Uint8Array, tenant: TenantProfile, recipient?: string): Promise<Analyzed>; close(): Promise<void> };

export type AnalyzeJob = { id: number; raw: Uint8Array; tenant: TenantProfile; recipient?: string };

const GROUP = 16;

/**
 * Worker threads for a bulk ingest: one per core but one. The main thread needs most of a core
 * (history signals, scoring, writing; and a local PostgreSQL as much again): on 2 cores a second
 * worker cost ~3 s more CPU per corpus (another isolate to boot and JIT) than it saved.
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createAnalyzePool(size: number): AnalyzePool {
  // Workers start from the cached esbuild bundle the CLIs use (lib/bundle/bundle.mjs): through
  // tsx each worker spent ~1 s of CPU before parsing anything, on the critical path with one
  // worker. Without esbuild, tsx: loader hooks registered with `--import tsx` do not reach worker
  // threads on Node 20, so the worker registers tsx itself before importing the TypeScript body.
  const body = new URL('./parse-worker.ts', import.meta.url);
  const bundler = JSON.stringify(new URL('../../bundle/bundle.mjs', import.meta.url).href);
  const viaTsx = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(body.href)}); })`;
  const boot = `import(${bundler})
    .then(({ bundleEntry }) => bundleEntry(${JSON.stringify(fileURLToPath(body))}, { conditions: ['react-server'] }))
    .then((bundled) => (bundled ? import(bundled) : ${viaTsx}))`;
  const workers = Array.from({ length: size }, () => ({ thread: new Worker(boot, { eval: true }), owed: 0, dead: null as Error | null }));
  type Slot = (typeof workers)[number];
  const pending = new Map<number, { resolve: (r: Analyzed) => void; reject: (e: Error) => void; worker: Slot | null }>();
  let queued: AnalyzeJob[] = [];
  let next = 0;
  let closing = false;
  // Workers hold the process open only while they owe results: idle ones must not keep a finished
  // CLI alive, and busy ones must (booting a worker can outlast every other handle).
  const settle = (id: number) => {
    const p = pending.get(id);
    pending.delete(id);
    if (p?.worker) p.worker.owed--;
    if (pending.size === 0) for (const w of workers) w.thread.unref();
  };
  // A worker that dies (a bug, out of memory) fails the requests it held instead of leaving them
  // pending forever.
  const fail = (worker: Slot, error: Error) => {
    worker.dead ??= error;
    for (const [id, p] of pending) {
      if (p.worker !== worker) continue;
      settle(id);
      p.reject(error);
    }
  };
  // To the live worker that owes the fewest results.
  const flush = () => {
    const jobs = queued;
    queued = [];
    if (!jobs.length) return;
    const live = workers.filter((w) => !w.dead);
    const worker = live.length ? live.reduce((a, b) => (b.owed < a.owed ? b : a)) : workers[0];
    for (const job of jobs) pending.get(job.id)!.worker = worker;
    worker.owed += jobs.length;
    if (worker.dead) fail(worker, worker.dead);
    else worker.thread.postMessage(jobs);
  };
  for (const w of workers) {
    w.thread.on('message', (results: { id: number; result: Analyzed }[]) => {
      for (const { id, result } of results) {
        pending.get(id)?.resolve(result);
        settle(id);
      }
    });
    w.thread.on('error', (error) => fail(w, error));
    w.thread.on('exit', (code) => {
      if (!closing) fail(w, new Error(`parse worker exited with code ${code}`));
    });
    w.thread.unref();
  }
  return {
    analyze(raw, tenant, recipient) {
      const id = next++;
      if (pending.size === 0) for (const w of workers) w.thread.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: null });
        if (queued.push({ id, raw, tenant, recipient }) === 1) queueMicrotask(flush);
        if (queued.length >= GROUP) flush();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.thread.terminate()));
    },
  };
}
