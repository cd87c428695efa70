import { parentPort, workerData } from 'node:worker_threads';
import { createHandler, type HandlerInit, type Job } from './handlers';

// Worker-thread entry: compiles the plan once, then answers batches of jobs in order.
const handle = createHandler(workerData as HandlerInit);
parentPort!.on('message', async (batch: { id: number; jobs: Job[] }) => {
  const results = [];
  for (const job of batch.jobs) results.push(await handle(job));
  parentPort!.postMessage({ id: batch.id, results });
});
parentPort!.postMessage({ ready: true });
