// Worker-thread body for parse-pool.ts: parses raw messages and extracts their content signals.
import { parentPort } from 'node:worker_threads';
import type { TenantProfile } from '@/lib/engine';
import { analyzeRaw } from '@/lib/server/messages/row';

parentPort!.on('message', async ({ id, raw, tenant, recipient }: { id: number; raw: Uint8Array; tenant: TenantProfile; recipient?: string }) => {
  parentPort!.postMessage({ id, result: await analyzeRaw(raw, tenant, recipient) });
});
