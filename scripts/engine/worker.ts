import { parentPort, workerData } from 'node:worker_threads';
import { createHandler } from './handlers';
import { claimBatch, type WorkerData } from './claims';

// Worker-thread entry: compiles the plan once, then claims batches from the counter it shares
// with the other threads until none are left, posting each batch's results (see openPool). Jobs
// run one at a time: the handler reads each file into a buffer it reuses (see readBytes).
const { init, jobs, batchSize, next } = workerData as WorkerData;
const handle = createHandler(init);
const claims = new Int32Array(next);
for (let id = claimBatch(claims); id * batchSize < jobs.length; id = claimBatch(claims)) {
  const results = [];
  for (const job of jobs.slice(id * batchSize, (id + 1) * batchSize)) results.push(await handle(job));
  parentPort!.postMessage({ id, results });
}
parentPort!.postMessage({ done: true });
