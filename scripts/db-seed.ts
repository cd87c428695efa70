// `npm run db:seed`: migrates, then creates the demo tenants and accounts (idempotent).
// Refuses under NODE_ENV=production unless TRIAGE_DEMO=1.
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { demoAccounts, DEMO_PASSWORD, seedDatabase } from '@/lib/db/seed';

let database: DatabaseHandle | undefined;
try {
  database = await ensureDatabase({ log: console.log });
  await migrateDatabase(database.url, { log: console.log });
  await seedDatabase(database.url, { log: console.log });
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => a.email).join(', ')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
