import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createHandler, type HandlerInit, type Job } from './handlers';
import { DEFAULT_MODEL_PATH, DEFAULT_RULESET_PATH } from './plan';
import { bundleEntry } from '../../lib/bundle/bundle.mjs';

export type PoolOptions<R> = {
  init: HandlerInit;
  jobs: readonly Job[];
  /** 0 runs in this thread; default: one worker per core. */
  workers?: number;
  batchSize?: number;
  /** Called in job order, as soon as every earlier job has finished. */
  onResult: (index: number, result: R) => void;
  onProgress?: (done: number, total: number) => void;
};

/** Default worker count: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Runs jobs over worker threads (tsx registered in each), delivering results in job order. */
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
  const deliver = () => {
    while (pending.has(nextToDeliver)) {
      const results = pending.get(nextToDeliver)!;
      pending.delete(nextToDeliver);
      results.forEach((r, j) => opts.onResult(batches[nextToDeliver].start + j, r));
      nextToDeliver++;
    }
  };
  const boot = await workerBoot();
  // The bundled worker resolves files from its own location, so pass the plan's paths resolved.
  const init: HandlerInit = { ...opts.init, rulesetPath: opts.init.rulesetPath ?? DEFAULT_RULESET_PATH, modelPath: opts.init.modelPath ?? DEFAULT_MODEL_PATH };
  const count = Math.min(workers, Math.max(1, batches.length));
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(boot, { eval: true, workerData: init });
        const feed = () => {
          if (nextBatch >= batches.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const b = batches[nextBatch++];
          worker.postMessage({ id: b.id, jobs: b.jobs });
        };
        worker.on('message', (msg: { ready?: boolean; id?: number; results?: R[] }) => {
          if (msg.ready) return feed();
          pending.set(msg.id!, msg.results!);
          done += msg.results!.length;
          opts.onProgress?.(done, opts.jobs.length);
          deliver();
          feed();
        });
        worker.on('error', reject);
      }),
    ),
  );
  deliver();
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
