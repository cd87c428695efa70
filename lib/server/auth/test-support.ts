import 'server-only';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { hashPassword } from '@/lib/crypto/password';
import { db } from '@/lib/db';
import { createTestDatabase } from '@/lib/db/test-database';
import { resetEnvForTests } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Role } from './context';

// Shared by the auth integration tests (not shipped code paths). Tests run against a real
// PostgreSQL: the runner's TEST_DATABASE_URL when set, else a fresh database of our own. Files
// may share one database in parallel, so every row made here has a unique email/slug/address.

export async function useTestDatabase(): Promise<{ done: () => Promise<void> }> {
  // Tests are the one place outside lib/env that writes the environment: they point the app's
  // db client at the test database before its first query.
  const shared = process.env.TEST_DATABASE_URL;
  const database = shared ? { url: shared, drop: async () => {} } : await createTestDatabase('triage_p2');
  process.env.DATABASE_URL = database.url;
  resetEnvForTests();
  return {
    done: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Registers the file's hooks: the test database before the first test, cleaned up after the last. */
export function withTestDatabase(): void {
  let done: (() => Promise<void>) | undefined;
  // Creating and migrating a database can take a while on a busy machine.
  beforeAll(async () => {
    ({ done } = await useTestDatabase());
  }, 120_000);
  afterAll(() => done?.());
}

/** The AppError code a promise rejects with (null when it resolves): for asserting refusals. */
export const errorCode = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : e));

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export function uniqueId(): string {
  return randomUUID().slice(0, 8);
}

export function uniqueAddress(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}

export async function makeUser({ role = 'support', disabled = false, tenantIds = [] }: { role?: Role; disabled?: boolean; tenantIds?: string[] } = {}) {
  const id = uniqueId();
  return db.user.create({
    data: {
      email: `p2-${id}@auth.test`,
      name: `Test ${role} ${id}`,
      role,
      disabled,
      passwordHash: await (passwordHash ??= hashPassword(testPassword)),
      grants: { create: tenantIds.map((tenantId) => ({ tenantId })) },
    },
  });
}

export async function makeTenant() {
  const id = uniqueId();
  return db.tenant.create({ data: { slug: `t-${id}`, name: `Tenant ${id}`, domains: [`${id}.example`] } });
}
