// `npm run ingest -- --tenant SLUG PATH...`   files, directories, mbox files → one tenant
// `npm run ingest -- --manifest DIR`          a labelled corpus (DIR/manifest.jsonl) → its tenants
// Uses DATABASE_URL, else the embedded database (as `npm start`); migrates first.
import { parseArgs } from 'node:util';
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { ingestCorpus } from '@/lib/server/ingest/ingest-corpus';
import { ingestFiles } from '@/lib/server/ingest/ingest-files';
import { defaultWorkers } from '@/lib/server/ingest/parse-pool';
import type { BulkSummary } from '@/lib/server/ingest/run-batches';

const usage = 'usage: npm run ingest -- --tenant SLUG PATH...  |  npm run ingest -- --manifest DIR';

function progress(done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const rate = done / Math.max((performance.now() - started) / 1000, 1e-3);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(0)} msg/s `);
}

function report(summary: BulkSummary) {
  process.stderr.write('\n');
  for (const f of summary.failures.slice(0, 50)) console.error(`skipped ${f.source}: ${f.code}: ${f.message}`);
  if (summary.failures.length > 50) console.error(`… and ${summary.failures.length - 50} more`);
  const errors = Object.entries(summary.errors).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  console.log(`ingested ${summary.ingested}, duplicates ${summary.duplicates}, errors: ${errors}`);
  console.log(`${summary.total} messages in ${summary.seconds.toFixed(1)} s (${summary.perSecond.toFixed(0)} messages/s)`);
}

let database: DatabaseHandle | undefined;
try {
  const { values, positionals } = parseArgs({ options: { tenant: { type: 'string' }, manifest: { type: 'string' }, workers: { type: 'string' } }, allowPositionals: true });
  if (!values.manifest && !(values.tenant && positionals.length)) throw new Error(usage);
  database = await ensureDatabase({ log: (l) => console.error(l) });
  await migrateDatabase(database.url);
  const started = performance.now();
  const onProgress = (done: number, total: number) => progress(done, total, started);
  // Parsing dominates: a worker per core but the one the main thread needs to score and write.
  const workers = values.workers ? Number(values.workers) : defaultWorkers();
  const summary = values.manifest
    ? await ingestCorpus(database.url, values.manifest, { onProgress, workers })
    : await ingestFiles(database.url, values.tenant!, positionals, { onProgress, workers });
  report(summary);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
