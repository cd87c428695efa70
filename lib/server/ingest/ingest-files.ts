import 'server-only';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadIngestTenant } from '@/lib/server/messages/load-tenant';
import { pgDatabase } from '@/lib/server/messages/sql';
import { createBulkPool } from './bulk-pool';
import { isMbox, splitMbox } from './mbox';
import { createSharedReader } from './read-shared';
import { addFailure, runBatches, type BulkItem, type BulkOptions, type BulkSummary } from './run-batches';

/** Ingests files, directories (recursively) and mbox files into one tenant, received now. */
export async function ingestFiles(url: string, slug: string, inputs: string[], options: BulkOptions = {}): Promise<BulkSummary> {
  const pool = await createBulkPool(url, 4);
  try {
    const database = pgDatabase(pool);
    const tenant = await loadIngestTenant(database.query, { slug });
    if (!tenant) throw new Error(`tenant "${slug}" does not exist`);
    const unreadable: { source: string; message: string }[] = [];
    const items: BulkItem[] = [];
    const receivedAt = new Date();
    const read = createSharedReader();
    for (const file of expand(inputs, unreadable)) {
      let data: Uint8Array;
      try {
        data = read(file);
      } catch (error) {
        unreadable.push({ source: file, message: (error as Error).message });
        continue;
      }
      const raws = isMbox(data) ? splitMbox(data) : [data];
      raws.forEach((raw, i) => items.push({ raw, receivedAt, tenant, source: raws.length > 1 ? `${file}#${i + 1}` : file }));
    }
    const summary = await runBatches(database, items, options);
    for (const u of unreadable) addFailure(summary, u.source, 'unreadable', u.message);
    return summary;
  } finally {
    await pool.end();
  }
}

function expand(inputs: string[], unreadable: { source: string; message: string }[]): string[] {
  const files: string[] = [];
  const visit = (p: string) => {
    try {
      if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) visit(path.join(p, name));
      else files.push(p);
    } catch (error) {
      unreadable.push({ source: p, message: (error as Error).message });
    }
  };
  inputs.forEach(visit);
  return files;
}
