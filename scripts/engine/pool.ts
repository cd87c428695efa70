import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { createHandler, type HandlerInit, type Job } from './handlers';
import { DEFAULT_MODEL_PATH, DEFAULT_RULESET_PATH } from './plan';
import { bundleEntry } from '../../lib/bundle/bundle.mjs';

export type PoolOptions<R> = {
  init: HandlerInit;
  jobs: readonly Job[];
  /** Worker threads besides this one, which runs batches too; 0: this thread alone. Default: cores − 1. */
  workers?: number;
  batchSize?: number;
  /** Called in job order, as soon as every earlier job has finished. */
  onResult: (index: number, result: R) => void;
  onProgress?: (done: number, total: number) => void;
};

// Batches a worker holds at once: the next one is already queued when it finishes one, so it
// keeps working while this thread, busy with its own job, gets round to sending another.
const IN_FLIGHT = 2;

/** Default worker count: one per core besides this thread's. */
export function defaultWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

/**
 * Runs jobs over worker threads and this thread, delivering results in job order. This thread
 * takes batches too: it has the plan compiled and its code warm already, where one more worker
 * would load, compile and warm up everything again (~1 s of CPU on the corpus) on the same cores.
 */
export async function runPool<R>(opts: PoolOptions<R>): Promise<void> {
  const workers = opts.workers ?? defaultWorkers();
  if (workers === 0) return runInline(opts);
  const batchSize = opts.batchSize ?? 16;
  const batches: { id: number; start: number; jobs: Job[] }[] = [];
  for (let i = 0; i < opts.jobs.length; i += batchSize) batches.push({ id: batches.length, start: i, jobs: opts.jobs.slice(i, i + batchSize) });
  const pending = new Map<number, R[]>();
  let nextBatch = 0;
  let nextToDeliver = 0;
  let done = 0;
  const complete = (id: number, results: R[]) => {
    pending.set(id, results);
    done += results.length;
    opts.onProgress?.(done, opts.jobs.length);
    while (pending.has(nextToDeliver)) {
      const delivered = pending.get(nextToDeliver)!;
      pending.delete(nextToDeliver);
      delivered.forEach((r, j) => opts.onResult(batches[nextToDeliver].start + j, r));
      nextToDeliver++;
    }
  };
  const boot = await workerBoot();
  // The bundled worker resolves files from its own location, so pass the plan's paths resolved.
  const init: HandlerInit = { ...opts.init, rulesetPath: opts.init.rulesetPath ?? DEFAULT_RULESET_PATH, modelPath: opts.init.modelPath ?? DEFAULT_MODEL_PATH };
  const count = Math.min(workers, Math.max(0, batches.length - 1));
  const threads = Array.from(
    { length: count },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(boot, { eval: true, workerData: init });
        let inFlight = 0;
        const feed = () => {
          while (inFlight < IN_FLIGHT && nextBatch < batches.length) {
            const b = batches[nextBatch++];
            worker.postMessage({ id: b.id, jobs: b.jobs });
            inFlight++;
          }
          if (inFlight === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', (msg: { ready?: boolean; id?: number; results?: R[] }) => {
          if (!msg.ready) {
            inFlight--;
            complete(msg.id!, msg.results!);
          }
          feed();
        });
        worker.on('error', reject);
      }),
  );
  // Workers boot in parallel with this; the handler is built after they are started.
  const handle = createHandler(opts.init);
  while (nextBatch < batches.length) {
    const b = batches[nextBatch++];
    const results: R[] = [];
    for (const job of b.jobs) {
      results.push((await handle(job)) as R);
      // Let worker messages (results, hence requests for their next batch) through after every
      // job: a worker that finishes while this thread is mid-batch must not wait for the batch.
      await nextTurn();
    }
    complete(b.id, results);
  }
  await Promise.all(threads);
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
