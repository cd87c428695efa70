// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL, or to the embedded
// PostgreSQL under TRIAGE_DATA_DIR when DATABASE_URL is unset.
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';

let database: DatabaseHandle | undefined;
try {
  database = await ensureDatabase({ log: console.log });
  await migrateDatabase(database.url, { log: console.log });
} catch (error) {
  // Our errors carry the useful part in the message (file, statement, what to do); skip the stack.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
