import 'server-only';
import { hashPassword } from '@/lib/crypto/password';
import { demoTenants } from '@/lib/demo/tenants';
import { env } from '@/lib/env';
import { createPrismaClient } from './client';
import type { Role } from './generated/client';

export const DEMO_PASSWORD = 'triage-demo';

// Arbitrary, distinct from the migration runner's key.
const SEED_LOCK_KEY = 72707370;

/** The demo accounts; `tenants` lists granted slugs (admins see every tenant without grants). */
export const demoAccounts: { email: string; name: string; role: Role; tenants: string[] }[] = [
  { email: 'support@triage.test', name: 'Sam Support', role: 'support', tenants: ['northwind', 'contoso'] },
  { email: 'engineer@triage.test', name: 'Erin Engineer', role: 'engineer', tenants: ['northwind', 'contoso', 'fabrikam'] },
  { email: 'admin@triage.test', name: 'Ada Admin', role: 'admin', tenants: [] },
];

export type SeedOptions = {
  log?: (line: string) => void;
  /** Defaults to env.NODE_ENV === 'production'. */
  production?: boolean;
  /** Defaults to env.TRIAGE_DEMO. */
  demo?: boolean;
};

export type SeedResult = { tenantsCreated: number; usersCreated: number; grantsCreated: number };

/** Seeding was refused: demo accounts with a published password must not reach production by accident. */
export class SeedRefusedError extends Error {
  constructor() {
    super('Refusing to seed demo tenants and accounts (password "triage-demo") with NODE_ENV=production. Set TRIAGE_DEMO=1 if this really is a demo install.');
    this.name = 'SeedRefusedError';
  }
}

/**
 * Creates the demo tenants, their VIPs, the demo accounts and their grants. Idempotent: existing
 * rows are matched by natural key (slug, tenant+name, email) and never duplicated; existing
 * accounts keep their password and role.
 */
export async function seedDatabase(url: string, options: SeedOptions = {}): Promise<SeedResult> {
  const production = options.production ?? env.NODE_ENV === 'production';
  const demo = options.demo ?? env.TRIAGE_DEMO;
  if (production && !demo) throw new SeedRefusedError();
  const log = options.log ?? (() => {});
  const prisma = createPrismaClient(url);
  try {
    const existing = await prisma.user.findMany({ where: { email: { in: demoAccounts.map((a) => a.email) } }, select: { email: true } });
    // Hash outside the transaction and only when needed: argon2 is deliberately slow.
    const passwordHash = existing.length < demoAccounts.length ? await hashPassword(DEMO_PASSWORD) : '';
    const result = await prisma.$transaction(async (tx) => {
      // Concurrent seeds (two `npm run db:seed`) take turns, so the counts below are exact.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const present = new Set((await tx.user.findMany({ where: { email: { in: demoAccounts.map((a) => a.email) } }, select: { email: true } })).map((u) => u.email));
      let tenantsCreated = 0;
      let usersCreated = 0;
      const tenantIds = new Map<string, string>();
      for (const t of demoTenants) {
        const before = await tx.tenant.findUnique({ where: { slug: t.slug }, select: { id: true } });
        const tenant = await tx.tenant.upsert({
          where: { slug: t.slug },
          create: { slug: t.slug, name: t.name, domains: t.domains },
          update: { name: t.name, domains: t.domains },
        });
        if (!before) tenantsCreated++;
        tenantIds.set(t.slug, tenant.id);
        for (const v of t.vips) {
          await tx.vip.upsert({
            where: { tenantId_name: { tenantId: tenant.id, name: v.name } },
            create: { tenantId: tenant.id, name: v.name, title: v.title, addresses: v.addresses },
            update: { title: v.title, addresses: v.addresses },
          });
        }
      }
      let grantsCreated = 0;
      for (const a of demoAccounts) {
        const found = present.has(a.email);
        if (!found && !passwordHash) throw new Error('Demo account appeared and vanished during seeding; run the seed again.');
        const user = await tx.user.upsert({
          where: { email: a.email },
          create: { email: a.email, name: a.name, role: a.role, passwordHash },
          update: {},
        });
        if (!found) usersCreated++;
        const grants = a.tenants.map((slug) => ({ userId: user.id, tenantId: tenantIds.get(slug)! }));
        const created = await tx.tenantGrant.createMany({ data: grants, skipDuplicates: true });
        grantsCreated += created.count;
      }
      return { tenantsCreated, usersCreated, grantsCreated };
    }, { maxWait: 10_000, timeout: 30_000 });
    log(`Seeded demo data: ${result.tenantsCreated} tenants, ${result.usersCreated} accounts, ${result.grantsCreated} grants created.`);
    return result;
  } finally {
    await prisma.$disconnect();
  }
}

/** Whether the database has any user yet; `npm start` seeds only an empty database. */
export async function hasUsers(url: string): Promise<boolean> {
  const prisma = createPrismaClient(url);
  try {
    return (await prisma.user.count()) > 0;
  } finally {
    await prisma.$disconnect();
  }
}
