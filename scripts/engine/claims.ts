import type { HandlerInit, Job } from './handlers';

// What a pool's threads share (see openPool): every job, in batches that each thread claims from one counter.

/** What a worker thread is started with: the handler's setup, every job, and the claim counter. */
export type WorkerData = { init: HandlerInit; jobs: readonly Job[]; batchSize: number; next: SharedArrayBuffer };

/** Claims the next unclaimed batch: its number, which may be past the last batch. */
export function claimBatch(next: Int32Array): number {
  return Atomics.add(next, 0, 1);
}
