import 'server-only';
import { compileDefaultPlan, type ParseResult } from '@/lib/engine';
import { ingestBatch, type IngestItem, type IngestTenant } from '@/lib/server/messages/ingest-batch';
import type { Database } from '@/lib/server/messages/sql';
import { createParsePool } from './parse-pool';

export type BulkItem = IngestItem & { tenant: IngestTenant; source: string };

export type BulkSummary = {
  total: number;
  ingested: number;
  duplicates: number;
  errors: Record<string, number>;
  failures: { source: string; code: string; message: string }[];
  seconds: number;
  perSecond: number;
};

export type BulkOptions = {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Parse on this many worker threads (only under tsx: the CLI and seed). 0 = in-thread. */
  workers?: number;
};

// Items are processed in the order given (the order history accrues in). Each chunk is split by
// tenant and the tenants' batches run concurrently: they touch disjoint history, and one tenant's
// scoring overlaps another's database write. With workers, the next chunk is parsed while the
// current one is scored and written.
export async function runBatches(database: Database, items: BulkItem[], options: BulkOptions = {}): Promise<BulkSummary> {
  const started = performance.now();
  const plan = compileDefaultPlan();
  const batchSize = options.batchSize ?? 200;
  const summary: BulkSummary = { total: items.length, ingested: 0, duplicates: 0, errors: {}, failures: [], seconds: 0, perSecond: 0 };
  const tenantCount = new Set(items.map((i) => i.tenant.id)).size || 1;
  const chunkSize = batchSize * tenantCount;
  const chunks: BulkItem[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) chunks.push(items.slice(start, start + chunkSize));

  const pool = options.workers ? createParsePool(options.workers) : null;
  const prefetched = new Map<Uint8Array, Promise<ParseResult>>();
  const prefetch = (chunk: BulkItem[] | undefined) => {
    if (pool) for (const item of chunk ?? []) prefetched.set(item.raw, pool.parse(item.raw));
  };
  const parse = pool
    ? (raw: Uint8Array) => {
        const result = prefetched.get(raw) ?? pool.parse(raw);
        prefetched.delete(raw);
        return result;
      }
    : undefined;
  let done = 0;
  try {
    prefetch(chunks[0]);
    for (const [index, chunk] of chunks.entries()) {
      prefetch(chunks[index + 1]);
      const groups = new Map<string, BulkItem[]>();
      for (const item of chunk) groups.set(item.tenant.id, [...(groups.get(item.tenant.id) ?? []), item]);
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const results = await ingestBatch(database, group[0].tenant, group, { plan, parse });
          results.forEach((r, i) => {
            if (r.status === 'created') summary.ingested++;
            else if (r.status === 'existing') summary.duplicates++;
            else if (r.status === 'error') {
              summary.errors[r.code] = (summary.errors[r.code] ?? 0) + 1;
              summary.failures.push({ source: group[i].source, code: r.code, message: r.message });
            }
          });
          done += group.length;
          options.onProgress?.(done, items.length);
        }),
      );
    }
  } finally {
    await pool?.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.perSecond = summary.total / Math.max(summary.seconds, 1e-9);
  return summary;
}

/** Counts a file that could not be read as a failure without stopping the run. */
export function addFailure(summary: BulkSummary, source: string, code: string, message: string) {
  summary.total++;
  summary.errors[code] = (summary.errors[code] ?? 0) + 1;
  summary.failures.push({ source, code, message });
}
