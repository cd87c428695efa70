import { parentPort, workerData } from 'node:worker_threads';
import { runClaimedBatches, type WorkerData } from './claims';
import { createHandler } from './handlers';

// Worker-thread entry: compiles the plan once, then takes batches from the counter it shares with
// the other threads until none are left, posting each batch's results (see openPool).
const { init, jobs, batchSize, next } = workerData as WorkerData;
await runClaimedBatches({ jobs, batchSize, next: new Int32Array(next) }, createHandler(init), (id, results) => parentPort!.postMessage({ id, results }));
parentPort!.postMessage({ done: true });
