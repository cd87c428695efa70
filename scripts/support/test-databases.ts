import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedDatabase } from '@/lib/db/seed';

type CreateDatabase = (purpose: string, options?: { seed?: boolean }) => Promise<string>;

/**
 * Gives `body` a way to make fresh migrated databases (on DATABASE_URL's server, else an embedded
 * one) and drops every one of them afterwards, whatever happened.
 */
export async function withTestDatabases(body: (create: CreateDatabase) => Promise<void>): Promise<void> {
  const created: TestDatabase[] = [];
  const create: CreateDatabase = async (purpose, options = {}) => {
    const database = await createTestDatabase(`triage_${purpose}`);
    created.push(database);
    if (options.seed) await seedDatabase(database.url);
    return database.url;
  };
  try {
    await body(create);
  } finally {
    for (const database of created.reverse()) await database.drop().catch((e) => console.error(`drop: ${e}`));
  }
}
