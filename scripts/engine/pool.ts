import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { runClaimedBatches, type WorkerData } from './claims';
import type { HandlerInit, Job } from './handlers';
import type { Plan } from '../../lib/engine/rules/types';
import { DEFAULT_MODEL_PATH, DEFAULT_RULESET_PATH } from './paths';
import { bundleEntry } from '../../lib/bundle/bundle.mjs';

export type PoolOptions = {
  init: HandlerInit;
  jobs: readonly Job[];
  /** Worker threads besides this one, which runs batches too; 0: this thread alone. Default: cores − 1. */
  workers?: number;
  batchSize?: number;
  /** False: only the worker threads take batches (tests use it to exercise them). Default: true. */
  mainThread?: boolean;
};

export type RunOptions<R> = {
  /** The plan this thread has compiled already from the init's files; else the run compiles it. */
  plan?: Plan;
  /** Called in job order, as soon as every earlier job has finished. */
  onResult: (index: number, result: R) => void;
  onProgress?: (done: number, total: number) => void;
};

/** A pool whose worker threads are already starting: run it once, or close it unused. */
export type Pool<R> = { run: (options: RunOptions<R>) => Promise<void>; close: () => Promise<void> };

/** Default worker count: one per core besides this one's. */
export function defaultWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

/** openPool, then run. */
export async function runPool<R>(opts: PoolOptions & RunOptions<R>): Promise<void> {
  const pool = await openPool<R>(opts);
  await pool.run(opts);
}

/**
 * Starts the worker threads for a run and returns at once, so a CLI can load the engine and check
 * its plan on this thread while they boot (~0.3 s each), instead of before starting them.
 *
 * The run delivers results in job order. Every thread claims the next batch from a shared
 * counter as soon as it is free, so none waits for another to hand it work: when this thread had
 * to post batches, a worker that emptied its queue while this thread was inside a long message
 * sat idle (~0.2 s of a corpus run), and the last batches left one thread idle at the end. This
 * thread takes batches too: it has the plan compiled and its code warm already, where one more
 * worker would load, compile and warm up everything again (~1 s of CPU on the corpus).
 */
export async function openPool<R>(opts: PoolOptions): Promise<Pool<R>> {
  const workers = opts.workers ?? defaultWorkers();
  const mainThread = workers === 0 || (opts.mainThread ?? true);
  const batchSize = workers === 0 ? 1 : (opts.batchSize ?? 8);
  const batchCount = Math.ceil(opts.jobs.length / batchSize);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const finished = new Map<number, R[]>();
  let callbacks: RunOptions<R> | null = null;
  let nextToDeliver = 0;
  let done = 0;
  const deliver = () => {
    if (!callbacks) return;
    while (finished.has(nextToDeliver)) {
      const results = finished.get(nextToDeliver)!;
      finished.delete(nextToDeliver);
      done += results.length;
      results.forEach((r, j) => callbacks!.onResult(nextToDeliver * batchSize + j, r));
      callbacks.onProgress?.(done, opts.jobs.length);
      nextToDeliver++;
    }
  };
  const complete = (id: number, results: R[]) => {
    finished.set(id, results);
    deliver();
  };

  const count = workers === 0 ? 0 : Math.min(workers, Math.max(mainThread ? 0 : 1, batchCount - (mainThread ? 1 : 0)));
  const threads: Worker[] = [];
  const exits: Promise<void>[] = [];
  if (count > 0) {
    const boot = await workerBoot();
    // The bundled worker resolves files from its own location, so pass the plan's paths resolved.
    const init: HandlerInit = { ...opts.init, rulesetPath: opts.init.rulesetPath ?? DEFAULT_RULESET_PATH, modelPath: opts.init.modelPath ?? DEFAULT_MODEL_PATH };
    const data: WorkerData = { init, jobs: opts.jobs, batchSize, next: claims.buffer as SharedArrayBuffer };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(boot, { eval: true, workerData: data });
      threads.push(worker);
      exits.push(
        new Promise<void>((resolve, reject) => {
          worker.on('message', (msg: { id: number; results: R[] } | { done: true }) => {
            if ('done' in msg) void worker.terminate().then(() => resolve());
            else complete(msg.id, msg.results);
          });
          worker.on('error', reject);
        }),
      );
    }
  }
  // A worker that fails before run() is called must not be an unhandled rejection.
  for (const exit of exits) exit.catch(() => undefined);

  return {
    run: async (options) => {
      callbacks = options;
      deliver();
      if (mainThread) await runBatches(opts, { claims, batchSize, complete, yieldBetween: count > 0, plan: options.plan });
      await Promise.all(exits);
    },
    close: async () => {
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}

type Batches<R> = { claims: Int32Array; batchSize: number; complete: (id: number, results: R[]) => void; yieldBetween: boolean; plan?: Plan };

/** This thread's share of the batches. */
async function runBatches<R>(opts: PoolOptions, { claims, batchSize, complete, yieldBetween, plan }: Batches<R>): Promise<void> {
  // Loaded here, not at the top: a CLI starts its workers before this thread loads the engine.
  const { createHandler } = await import('./handlers');
  const handle = createHandler(opts.init, plan) as (job: Job) => Promise<R>;
  await runClaimedBatches({ jobs: opts.jobs, batchSize, next: claims }, handle, async (id, results) => {
    complete(id, results);
    // Let the workers' results through between batches, so lines go out as they are ready.
    if (yieldBetween) await nextTurn();
  });
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
