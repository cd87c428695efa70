import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadIngestTenant } from '@/lib/server/messages/load-tenant';
import type { Label } from '@/lib/server/messages/row';
import { pgDatabase } from '@/lib/server/messages/sql';
import { createBulkPool } from './bulk-pool';
import { createSharedReader } from './read-shared';
import { runBatches, type BulkItem, type BulkOptions, type BulkSummary } from './run-batches';

type ManifestLine = { path: string; label: Label; tenant: string; recipient: string };

export type CorpusOptions = BulkOptions & {
  /** End of the 30-day window received times are spread over; default: now, to the minute. */
  now?: Date;
  /** Only the first N messages in Date order (tests). */
  limit?: number;
};

const WINDOW_MS = 30 * 86_400_000;

/**
 * Ingests DIR/manifest.jsonl: every message into its tenant with its label as ground truth, in
 * Date-header order, received times spread evenly over the 30 days before `now` (so the same
 * corpus and `now` always give the same rows). The tenants must exist (the seed creates them).
 */
export async function ingestCorpus(url: string, dir: string, options: CorpusOptions = {}): Promise<BulkSummary> {
  const lines = readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ManifestLine);
  const read = createSharedReader();
  const entries = lines
    .map((line) => ({ line, raw: read(path.join(dir, line.path)) }))
    .map((e) => ({ ...e, date: headerDate(e.raw) }))
    // Undated messages go last; path breaks ties so the order never depends on the file system.
    .sort((a, b) => a.date - b.date || (a.line.path < b.line.path ? -1 : 1))
    .slice(0, options.limit);
  const pool = await createBulkPool(url, 6);
  try {
    const database = pgDatabase(pool);
    const tenants = new Map<string, NonNullable<Awaited<ReturnType<typeof loadIngestTenant>>>>();
    for (const slug of new Set(entries.map((e) => e.line.tenant))) {
      const tenant = await loadIngestTenant(database.query, { slug });
      if (!tenant) throw new Error(`tenant "${slug}" from the manifest does not exist; seed the database first`);
      tenants.set(slug, tenant);
    }
    const end = (options.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000)).getTime();
    const items: BulkItem[] = entries.map((e, i) => ({
      raw: e.raw,
      label: e.line.label,
      recipient: e.line.recipient,
      tenant: tenants.get(e.line.tenant)!,
      source: e.line.path,
      receivedAt: new Date(Math.round(end - WINDOW_MS + ((i + 0.5) / entries.length) * WINDOW_MS)),
    }));
    return await runBatches(database, items, options);
  } finally {
    await pool.end();
  }
}

/** The Date header's time (ms), read cheaply from the header block; +Infinity when absent/bad. */
function headerDate(raw: Uint8Array): number {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 65_536)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const match = /^date:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(end >= 0 ? head.slice(0, end) : head);
  const time = match ? Date.parse(match[1].replace(/\r?\n[ \t]+/g, ' ').replace(/\s*\([^)]*\)\s*$/, '').trim()) : NaN;
  return Number.isFinite(time) ? time : Number.POSITIVE_INFINITY;
}
