import type { HandlerInit, Job } from './handlers';

// What a pool's threads share (see openPool): every job, in batches that each thread claims from one counter.

/** What a worker thread is started with: the handler's setup, every job, and the claim counter. */
export type WorkerData = { init: HandlerInit; jobs: readonly Job[]; batchSize: number; next: SharedArrayBuffer };

/**
 * One thread's share of the jobs: claims the next batch from the shared counter until none are
 * left, runs its jobs one at a time (the handler reuses one read buffer, see readBytes) and hands
 * over each batch's results before claiming the next.
 */
export async function runClaimedBatches<R>(
  { jobs, batchSize, next }: { jobs: readonly Job[]; batchSize: number; next: Int32Array },
  handle: (job: Job) => Promise<R>,
  done: (id: number, results: R[]) => void | Promise<void>,
): Promise<void> {
  for (let id = Atomics.add(next, 0, 1); id * batchSize < jobs.length; id = Atomics.add(next, 0, 1)) {
    const results: R[] = [];
    for (const job of jobs.slice(id * batchSize, (id + 1) * batchSize)) results.push(await handle(job));
    await done(id, results);
  }
}
