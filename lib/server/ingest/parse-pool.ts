import 'server-only';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '@/lib/engine';

// Parsing is ~85 % of ingest CPU, so the CLI spreads it over worker threads; scoring stays on the
// main thread because it must run in arrival order against the shared history. The worker body is
// TypeScript loaded through tsx, so this is for the scripts (CLI, seed), not the Next server.

export type ParsePool = { parse(raw: Uint8Array): Promise<ParseResult>; close(): Promise<void> };

export function createParsePool(size: number): ParsePool {
  // Loader hooks registered with `--import tsx` do not reach worker threads on Node 20, so each
  // worker registers tsx itself before importing the TypeScript body.
  const body = JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${body}); })`;
  const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true }));
  const pending = new Map<number, (r: ParseResult) => void>();
  let next = 0;
  for (const w of workers) {
    w.on('message', ({ id, result }: { id: number; result: ParseResult }) => {
      pending.get(id)?.(result);
      pending.delete(id);
    });
    w.unref();
  }
  return {
    parse(raw) {
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        workers[id % workers.length].postMessage({ id, raw });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
