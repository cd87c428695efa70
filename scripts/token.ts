// `npm run token -- --tenant SLUG --name NAME`: issues an ingest token and prints it once.
// Shell access to the database is the authority here (there is no session); the token is stored
// only as a hash, so a lost token is revoked and reissued, never recovered.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/client';
import { ensureDatabase, type DatabaseHandle } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { insertToken } from '@/lib/server/tokens/insert';

let database: DatabaseHandle | undefined;
try {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, name: { type: 'string' } } });
  if (!values.tenant || !values.name?.trim()) throw new Error('usage: npm run token -- --tenant SLUG --name NAME');
  database = await ensureDatabase({ log: (l) => console.error(l) });
  await migrateDatabase(database.url);
  const client = createPrismaClient(database.url);
  try {
    const tenant = await client.tenant.findUnique({ where: { slug: values.tenant }, select: { id: true, slug: true } });
    if (!tenant) throw new Error(`tenant "${values.tenant}" does not exist`);
    const created = await insertToken(client, { tenantId: tenant.id, slug: tenant.slug, name: values.name.trim(), createdBy: null });
    console.error(`Token "${created.name}" for ${created.tenant} (id ${created.id}). It is shown only this once:`);
    console.log(created.token);
  } finally {
    await client.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
