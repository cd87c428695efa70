// `npm run audit:verify`: checks the audit log's hash chain. Prints "audit log intact: N rows"
// and exits 0, or names the first broken row and exits 1. Uses DATABASE_URL, else the embedded
// database (as `npm start`); migrates first so a fresh install verifies an empty log.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/client';
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { verifyAuditChain } from '@/lib/server/audit/verify';

let database: DatabaseHandle | undefined;
try {
  const { values } = parseArgs({ options: { 'batch-size': { type: 'string' } } });
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new Error('usage: npm run audit:verify [-- --batch-size N]');
  database = await ensureDatabase({ log: (l) => console.error(l) });
  await migrateDatabase(database.url);
  const client = createPrismaClient(database.url);
  try {
    const onProgress = process.stderr.isTTY ? (rows: number) => process.stderr.write(`\rverified ${rows} rows `) : undefined;
    const report = await verifyAuditChain(client, { batchSize, onProgress });
    if (onProgress) process.stderr.write('\n');
    if (report.intact) {
      console.log(`audit log intact: ${report.rows} rows`);
      if (report.tailHash) console.log(`tail hash ${report.tailHash} (${report.seconds.toFixed(1)} s)`);
    } else {
      console.error(`audit log BROKEN at row ${report.broken.id} (${report.broken.problem}): ${report.broken.detail}`);
      console.error(`${report.rows} rows before it verified.`);
      process.exitCode = 1;
    }
  } finally {
    await client.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
