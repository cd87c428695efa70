// Worker-thread body for parse-pool.ts: parses raw messages off the main thread.
import { parentPort } from 'node:worker_threads';
import { parseMessage } from '@/lib/engine';

parentPort!.on('message', async ({ id, raw }: { id: number; raw: Uint8Array }) => {
  parentPort!.postMessage({ id, result: await parseMessage(raw) });
});
