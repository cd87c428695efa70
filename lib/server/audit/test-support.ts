import 'server-only';
import { createPrismaClient, type PrismaClient } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { writeAudit, type AuditEntry } from './write';

// The audit tests tamper with the log, so they never share the runner's database: each file gets
// its own (on the server of TEST_DATABASE_URL, or an embedded one).

export async function useAuditDatabase(): Promise<{ database: TestDatabase; client: PrismaClient; done: () => Promise<void> }> {
  const database = await createTestDatabase('triage_audit');
  const client = createPrismaClient(database.url);
  return {
    database,
    client,
    done: async () => {
      await client.$disconnect();
      await database.drop();
    },
  };
}

/** Writes `n` audit rows, one transaction each. */
export async function appendRows(client: PrismaClient, n: number, entry: Partial<AuditEntry> = {}): Promise<void> {
  for (let i = 0; i < n; i++) {
    await client.$transaction((tx) => writeAudit(tx, { actorId: null, actorEmail: 'system:test', action: 'create', entity: 'token', entityId: `t${i}`, data: { i, note: 'é ✓', nested: { b: 1, a: [1, 2.5, null] } }, ...entry }));
  }
}

/** Runs SQL with the append-only triggers off, as a superuser would to tamper with the log. */
export async function tamper(client: PrismaClient, ...statements: string[]): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    for (const sql of statements) await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
}

/** Empties the log (tests only) so each case starts a new chain. */
export async function resetLog(client: PrismaClient): Promise<void> {
  await tamper(client, 'DELETE FROM audit_log');
}
