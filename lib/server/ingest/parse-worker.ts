// Worker-thread body for parse-pool.ts: parses raw messages and extracts their content signals,
// answering each group of jobs with one message.
import { parentPort } from 'node:worker_threads';
import { analyzeRaw } from '@/lib/server/messages/row';
import type { AnalyzeJob } from './parse-pool';

parentPort!.on('message', async (jobs: AnalyzeJob[]) => {
  const results = [];
  for (const { id, raw, tenant, recipient } of jobs) results.push({ id, result: await analyzeRaw(raw, tenant, recipient) });
  parentPort!.postMessage(results);
});
