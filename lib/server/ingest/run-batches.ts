import 'server-only';
import type { TenantProfile } from '@/lib/engine';
import { ingestBatch, type IngestItem, type IngestTenant } from '@/lib/server/messages/ingest-batch';
import type { Database } from '@/lib/server/messages/sql';
import type { Analyzed } from '@/lib/server/messages/row';
import { publishedPlan } from '@/lib/server/rulesets/published';
import { createAnalyzePool } from './parse-pool';

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
  /** Parse and extract content signals on this many worker threads (only under tsx: the CLI and seed). 0 = in-thread. */
  workers?: number;
};

// Items are processed in the order given (the order history accrues in), each tenant's as its own
// chain of batches: tenants touch disjoint history, so the chains run concurrently and one
// tenant's scoring overlaps another's database write, with no barrier between them. A tenant's
// next batch waits for its previous one to commit (it loads the history that batch wrote). With
// workers, each chain keeps its next PREFETCH batches queued for analysis, so the workers parse
// while the main thread scores and PostgreSQL writes.
const PREFETCH = 2;

export async function runBatches(database: Database, items: BulkItem[], options: BulkOptions = {}): Promise<BulkSummary> {
  const started = performance.now();
  // Once for the whole run, on the run's own connection (the CLI and seed have no app client).
  const plan = await publishedPlan(database.query);
  const batchSize = options.batchSize ?? 200;
  const summary: BulkSummary = { total: items.length, ingested: 0, duplicates: 0, errors: {}, failures: [], seconds: 0, perSecond: 0 };
  const chains = new Map<string, BulkItem[][]>();
  for (const item of items) {
    const batches = chains.get(item.tenant.id) ?? [];
    if (!batches.length || batches[batches.length - 1].length >= batchSize) batches.push([]);
    batches[batches.length - 1].push(item);
    chains.set(item.tenant.id, batches);
  }

  const pool = options.workers ? createAnalyzePool(options.workers) : null;
  const prefetched = new Map<Uint8Array, Promise<Analyzed>>();
  const prefetch = (batch: BulkItem[] | undefined) => {
    if (pool) for (const item of batch ?? []) if (!prefetched.has(item.raw)) prefetched.set(item.raw, pool.analyze(item.raw, item.tenant, item.recipient));
  };
  const analyze = pool
    ? (raw: Uint8Array, tenant: TenantProfile, recipient?: string) => {
        const result = prefetched.get(raw) ?? pool.analyze(raw, tenant, recipient);
        prefetched.delete(raw);
        return result;
      }
    : undefined;
  let done = 0;
  const runChain = async (batches: BulkItem[][]) => {
    for (const [index, batch] of batches.entries()) {
      for (let ahead = 0; ahead <= PREFETCH; ahead++) prefetch(batches[index + ahead]);
      const results = await ingestBatch(database, batch[0].tenant, batch, { plan, analyze });
      results.forEach((r, i) => {
        if (r.status === 'created') summary.ingested++;
        else if (r.status === 'existing') summary.duplicates++;
        else if (r.status === 'error') {
          summary.errors[r.code] = (summary.errors[r.code] ?? 0) + 1;
          summary.failures.push({ source: batch[i].source, code: r.code, message: r.message });
        }
      });
      done += batch.length;
      options.onProgress?.(done, items.length);
    }
  };
  try {
    await Promise.all([...chains.values()].map(runChain));
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
