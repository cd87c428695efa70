import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { claimBatch, type WorkerData } from './claims';
import { createHandler, type HandlerInit, type Job } from './handlers';
import { DEFAULT_MODEL_PATH, DEFAULT_RULESET_PATH } from './plan';
import { bundleEntry } from '../../lib/bundle/bundle.mjs';

export type PoolOptions<R> = {
  init: HandlerInit;
  jobs: readonly Job[];
  /** Worker threads besides this one, which runs batches too; 0: this thread alone. Default: cores − 1. */
  workers?: number;
  batchSize?: number;
  /** False: only the worker threads take batches (tests use it to exercise them). Default: true. */
  mainThread?: boolean;
  /** Called in job order, as soon as every earlier job has finished. */
  onResult: (index: number, result: R) => void;
  onProgress?: (done: number, total: number) => void;
};

/** Default worker count: one per core besides this one's. */
export function defaultWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

/**
 * Runs jobs over worker threads and this thread, delivering results in job order. Every thread
 * claims the next batch from a shared counter as soon as it is free, so none waits for another
 * to hand it work: when this thread had to post batches, a worker that emptied its queue while
 * this thread was inside a long message sat idle (~0.2 s of a corpus run), and the last batches
 * left one thread idle at the end. This thread takes batches too: it has the plan compiled and
 * its code warm already, where one more worker would load, compile and warm up everything again
 * (~1 s of CPU on the corpus) on the same cores.
 */
export async function runPool<R>(opts: PoolOptions<R>): Promise<void> {
  const workers = opts.workers ?? defaultWorkers();
  if (workers === 0) return runInline(opts);
  const batchSize = opts.batchSize ?? 8;
  const batchCount = Math.ceil(opts.jobs.length / batchSize);
  const pending = new Map<number, R[]>();
  let nextToDeliver = 0;
  let done = 0;
  const complete = (id: number, results: R[]) => {
    pending.set(id, results);
    done += results.length;
    opts.onProgress?.(done, opts.jobs.length);
    while (pending.has(nextToDeliver)) {
      const delivered = pending.get(nextToDeliver)!;
      pending.delete(nextToDeliver);
      delivered.forEach((r, j) => opts.onResult(nextToDeliver * batchSize + j, r));
      nextToDeliver++;
    }
  };
  const boot = await workerBoot();
  const next = new SharedArrayBuffer(4);
  const claims = new Int32Array(next);
  // The bundled worker resolves files from its own location, so pass the plan's paths resolved.
  const init: HandlerInit = { ...opts.init, rulesetPath: opts.init.rulesetPath ?? DEFAULT_RULESET_PATH, modelPath: opts.init.modelPath ?? DEFAULT_MODEL_PATH };
  const data: WorkerData = { init, jobs: opts.jobs, batchSize, next };
  const mainThread = opts.mainThread ?? true;
  const count = Math.min(workers, Math.max(mainThread ? 0 : 1, batchCount - (mainThread ? 1 : 0)));
  const threads = Array.from(
    { length: count },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(boot, { eval: true, workerData: data });
        worker.on('message', (msg: { id: number; results: R[] } | { done: true }) => {
          if ('done' in msg) void worker.terminate().then(() => resolve());
          else complete(msg.id, msg.results);
        });
        worker.on('error', reject);
      }),
  );
  if (mainThread) await runBatches(opts, claims, batchCount, batchSize, complete);
  await Promise.all(threads);
}

/** This thread's share: batches claimed from the shared counter until none are left. */
async function runBatches<R>(opts: PoolOptions<R>, claims: Int32Array, batchCount: number, batchSize: number, complete: (id: number, results: R[]) => void): Promise<void> {
  // Workers boot in parallel with this; the handler is built after they are started.
  const handle = createHandler(opts.init);
  for (let id = claimBatch(claims); id < batchCount; id = claimBatch(claims)) {
    const results: R[] = [];
    for (const job of opts.jobs.slice(id * batchSize, (id + 1) * batchSize)) results.push((await handle(job)) as R);
    complete(id, results);
    // Let the workers' results through between batches, so lines go out as they are ready.
    await nextTurn();
  }
}

/** Worker start-up code: the bundled entry when it can be built, else the TypeScript entry via tsx. */
async function workerBoot(): Promise<string> {
  const bundled = await bundleEntry(fileURLToPath(new URL('./worker.ts', import.meta.url)));
  if (bundled) return `import(${JSON.stringify(bundled)})`;
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  // tsx hooks are not inherited by workers on Node 20: register them before importing the entry.
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
}

async function runInline<R>(opts: PoolOptions<R>): Promise<void> {
  const handle = createHandler(opts.init);
  for (let i = 0; i < opts.jobs.length; i++) {
    opts.onResult(i, (await handle(opts.jobs[i])) as R);
    opts.onProgress?.(i + 1, opts.jobs.length);
  }
}
