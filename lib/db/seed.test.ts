import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '@/lib/testing/corpus';
import { readManifest } from '@/lib/server/messages/test-support';
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
    await expect(seedDatabase(database.url, { production: true, demo: false, corpus: false })).rejects.toBeInstanceOf(SeedRefusedError);
    await expect(seedDatabase(database.url, { production: true, demo: false, corpus: false })).rejects.toThrow(/TRIAGE_DEMO=1/);
    expect(await counts()).toEqual({ tenants: 0, vips: 0, users: 0, grants: 0 });
  });

  it('creates the demo tenants, VIPs, accounts and grants', async () => {
    const result = await seedDatabase(database.url, { production: false, corpus: false });
    expect(result).toEqual({ tenantsCreated: 3, usersCreated: 3, grantsCreated: 5, messagesIngested: 0 });
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
    const result = await seedDatabase(database.url, { production: false, corpus: false });
    expect(result).toEqual({ tenantsCreated: 0, usersCreated: 0, grantsCreated: 0, messagesIngested: 0 });
    expect(await counts()).toEqual({ tenants: 3, vips: 7, users: 4, grants: 5 });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: 'support@triage.test' } })).passwordHash).toBe('changed-by-user');
  });

  it('is allowed in production with TRIAGE_DEMO=1', async () => {
    await expect(seedDatabase(database.url, { production: true, demo: true, corpus: false })).resolves.toMatchObject({ usersCreated: 0 });
  });

  it('says it skipped the corpus when the directory has no manifest', async () => {
    const lines: string[] = [];
    const result = await seedDatabase(database.url, { production: false, corpus: path.join(tmpdir(), 'no-such-corpus'), log: (l) => lines.push(l) });
    expect(result.messagesIngested).toBe(0);
    expect(lines.join('\n')).toMatch(/Demo corpus not found at .*no-such-corpus.*skipped/);
    expect(await prisma.message.count()).toBe(0);
  });

  it('ingests the corpus into its tenants with the manifest labels, once', async () => {
    // A 30-message slice of the real corpus keeps this fast; the full corpus is the same code path.
    const dir = mkdtempSync(path.join(tmpdir(), 'triage-seed-corpus-'));
    try {
      const entries = readManifest().filter((_e, i) => i % 97 === 0).slice(0, 30);
      writeFileSync(path.join(dir, 'manifest.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
      symlinkSync(path.join(corpusDir, 'messages'), path.join(dir, 'messages'));
      const result = await seedDatabase(database.url, { production: false, corpus: dir, workers: 0 });
      expect(result.messagesIngested).toBe(30);
      const stored = await prisma.message.findMany({ select: { fingerprint: true, label: true, recipient: true, tenant: { select: { slug: true } } } });
      const expected = entries.map((e) => [e.sha256, e.label, e.tenant, e.recipient].join(' ')).sort();
      expect(stored.map((m) => [m.fingerprint, m.label, m.tenant.slug, m.recipient].join(' ')).sort()).toEqual(expected);
      expect(await prisma.message.count({ where: { flagged: true } })).toBeGreaterThan(0);

      const lines: string[] = [];
      const again = await seedDatabase(database.url, { production: false, corpus: dir, workers: 0, log: (l) => lines.push(l) });
      expect(again.messagesIngested).toBe(0);
      expect(lines.join('\n')).toMatch(/already hold 30 messages/);
      expect(await prisma.message.count()).toBe(30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
