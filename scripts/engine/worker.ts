import { parentPort, workerData } from 'node:worker_threads';
import { createHandler, type HandlerInit, type Job } from './handlers';

// Worker-thread entry: compiles the plan once, then answers batches of jobs in order. Batches
// run one after another, never interleaved at an await: the handler reads each file into a
// buffer it reuses (see readBytes).
const handle = createHandler(workerData as HandlerInit);
let queue = Promise.resolve();
parentPort!.on('message', (batch: { id: number; jobs: Job[] }) => {
  queue = queue.then(async () => {
    const results = [];
    for (const job of batch.jobs) results.push(await handle(job));
    parentPort!.postMessage({ id: batch.id, results });
  });
});
parentPort!.postMessage({ ready: true });
