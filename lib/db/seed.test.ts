import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/crypto/password';
import { createPrismaClient } from './client';
import type { PrismaClient } from './generated/client';
import { DEMO_PASSWORD, seedDatabase, SeedRefusedError } from './seed';
import { createTestDatabase, type TestDatabase } from './test-database';

let database: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase('triage_test_seed');
  prisma = createPrismaClient(database.url);
}, 60_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const counts = async () => ({
  tenants: await prisma.tenant.count(),
  vips: await prisma.vip.count(),
  users: await prisma.user.count(),
  grants: await prisma.tenantGrant.count(),
});

describe('seedDatabase', () => {
  // Runs first, on the empty database, so "nothing was written" is observable.
  it('refuses under NODE_ENV=production without TRIAGE_DEMO=1, and writes nothing', async () => {
    await expect(seedDatabase(database.url, { production: true, demo: false })).rejects.toBeInstanceOf(SeedRefusedError);
    await expect(seedDatabase(database.url, { production: true, demo: false })).rejects.toThrow(/TRIAGE_DEMO=1/);
    expect(await counts()).toEqual({ tenants: 0, vips: 0, users: 0, grants: 0 });
  });

  it('creates the demo tenants, VIPs, accounts and grants', async () => {
    const result = await seedDatabase(database.url, { production: false });
    expect(result).toEqual({ tenantsCreated: 3, usersCreated: 3, grantsCreated: 5 });
    expect(await counts()).toEqual({ tenants: 3, vips: 7, users: 3, grants: 5 });
    const users = await prisma.user.findMany({ include: { grants: { include: { tenant: true } } }, orderBy: { email: 'asc' } });
    const summary = users.map((u) => [u.email, u.role, u.grants.map((g) => g.tenant.slug).sort()]);
    expect(summary).toEqual([
      ['admin@triage.test', 'admin', []],
      ['engineer@triage.test', 'engineer', ['contoso', 'fabrikam', 'northwind']],
      ['support@triage.test', 'support', ['contoso', 'northwind']],
    ]);
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(users[0].passwordHash, 'wrong')).toBe(false);
  });

  it('is idempotent and keeps existing accounts as they are', async () => {
    await prisma.user.update({ where: { email: 'support@triage.test' }, data: { passwordHash: 'changed-by-user' } });
    await prisma.user.create({ data: { email: 'someone@else.test', name: 'Someone', role: 'support', passwordHash: 'x' } });
    const result = await seedDatabase(database.url, { production: false });
    expect(result).toEqual({ tenantsCreated: 0, usersCreated: 0, grantsCreated: 0 });
    expect(await counts()).toEqual({ tenants: 3, vips: 7, users: 4, grants: 5 });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: 'support@triage.test' } })).passwordHash).toBe('changed-by-user');
  });

  it('is allowed in production with TRIAGE_DEMO=1', async () => {
    await expect(seedDatabase(database.url, { production: true, demo: true })).resolves.toMatchObject({ usersCreated: 0 });
  });
});
