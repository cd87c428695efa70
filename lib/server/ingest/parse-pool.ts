import 'server-only';
import { Worker } from 'node:worker_threads';
import type { TenantProfile } from '@/lib/engine';
import type { Analyzed } from '@/lib/server/messages/row';

// Parsing and content signals are ~90 % of ingest CPU and need no tenant history, so the CLI and
// seed run them (analyzeRaw) on worker threads; the main thread only adds the history signals,
// decides and writes, in arrival order. Workers return the small summary + signals, not the parsed
// message: structured-cloning a whole ParsedMessage (bodies, HTML, headers) back to the main thread
// cost more main-thread time (deserialisation and GC) than the parse saved. The worker body is
// TypeScript loaded through tsx, so this is for the scripts (CLI, seed), not the Next server.

export type AnalyzePool = { analyze(raw: Uint8Array, tenant: TenantProfile, recipient?: string): Promise<Analyzed>; close(): Promise<void> };

export function createAnalyzePool(size: number): AnalyzePool {
  // Loader hooks registered with `--import tsx` do not reach worker threads on Node 20, so each
  // worker registers tsx itself before importing the TypeScript body.
  const body = JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${body}); })`;
  const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true }));
  const pending = new Map<number, { resolve: (r: Analyzed) => void; reject: (e: Error) => void; worker: Worker }>();
  let next = 0;
  let closing = false;
  // Workers hold the process open only while they owe results: idle ones must not keep a finished
  // CLI alive, and busy ones must (booting tsx in a worker can outlast every other handle).
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) for (const w of workers) w.unref();
  };
  // A worker that dies (a bug, out of memory) fails the requests it held instead of leaving them
  // pending forever.
  const fail = (worker: Worker, error: Error) => {
    for (const [id, p] of pending) {
      if (p.worker !== worker) continue;
      settle(id);
      p.reject(error);
    }
  };
  for (const w of workers) {
    w.on('message', ({ id, result }: { id: number; result: Analyzed }) => {
      pending.get(id)?.resolve(result);
      settle(id);
    });
    w.on('error', (error) => fail(w, error));
    w.on('exit', (code) => {
      if (!closing) fail(w, new Error(`parse worker exited with code ${code}`));
    });
    w.unref();
  }
  return {
    analyze(raw, tenant, recipient) {
      const id = next++;
      const worker = workers[id % workers.length];
      if (pending.size === 0) for (const w of workers) w.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, raw, tenant, recipient });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
