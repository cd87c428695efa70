import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@/lib/crypto/password';
import { demoTenants } from '@/lib/demo/tenants';
import { env } from '@/lib/env';
// The one lib/server import in lib/db: seeding users and grants must write their audit rows.
import { auditSeededAccount } from '@/lib/server/audit/seed-hooks';
import { createPrismaClient } from './client';
import type { PrismaClient, Role } from './generated/client';

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
  /**
   * The labelled corpus to ingest into the demo tenants (DIR/manifest.jsonl): defaults to
   * `../shared/corpus` beside the repository; `false` skips it (tests that only need accounts).
   */
  corpus?: string | false;
  /** Parse worker threads for the corpus ingest; default one per core (0 = in-thread). */
  workers?: number;
};

export type SeedResult = { tenantsCreated: number; usersCreated: number; grantsCreated: number; messagesIngested: number };

/** The development corpus: `../shared/corpus` beside the repository, as CI and the README lay it out. */
export const demoCorpusDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/corpus');

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
        // Audit hook (lib/server/audit): which grants are new, read before they are created.
        const granted = new Set((await tx.tenantGrant.findMany({ where: { userId: user.id }, select: { tenantId: true } })).map((g) => g.tenantId));
        const created = await tx.tenantGrant.createMany({ data: grants, skipDuplicates: true });
        grantsCreated += created.count;
        const newGrants = a.tenants.map((slug) => ({ slug, tenantId: tenantIds.get(slug)! })).filter((g) => !granted.has(g.tenantId));
        await auditSeededAccount(tx, { user, userCreated: !found, newGrants });
      }
      return { tenantsCreated, usersCreated, grantsCreated };
    }, { maxWait: 10_000, timeout: 30_000 });
    log(`Seeded demo data: ${result.tenantsCreated} tenants, ${result.usersCreated} accounts, ${result.grantsCreated} grants created.`);
    const corpus = options.corpus ?? demoCorpusDir;
    const messagesIngested = corpus === false ? 0 : await seedCorpus(prisma, url, corpus, { log, workers: options.workers });
    return { ...result, messagesIngested };
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Ingests the labelled corpus into the demo tenants through the real pipeline (parse, score,
 * store, history), so a fresh console shows real flagged messages and real false positives with
 * their manifest label as ground truth. Skipped when the corpus is absent or the demo tenants
 * already hold messages (a re-seed must not take half a minute to find only duplicates).
 */
async function seedCorpus(prisma: PrismaClient, url: string, dir: string, options: { log: (line: string) => void; workers?: number }): Promise<number> {
  const { log } = options;
  if (!existsSync(path.join(dir, 'manifest.jsonl'))) {
    log(`Demo corpus not found at ${dir} (no manifest.jsonl): skipped; the tenants start without messages.`);
    return 0;
  }
  const present = await prisma.message.count({ where: { tenant: { slug: { in: demoTenants.map((t) => t.slug) } } } });
  if (present > 0) {
    log(`Demo tenants already hold ${present} messages: corpus not ingested again.`);
    return 0;
  }
  // The bulk ingester lives in lib/server (it is the app's one ingest pipeline); loaded only here,
  // so seeding accounts alone never pulls in the engine.
  const { ingestCorpus } = await import('@/lib/server/ingest/ingest-corpus');
  const { defaultWorkers } = await import('@/lib/server/ingest/parse-pool');
  log(`Ingesting the demo corpus (${dir}) in date order…`);
  let reported = 0;
  const summary = await ingestCorpus(url, dir, {
    workers: options.workers ?? defaultWorkers(),
    onProgress: (done, total) => {
      // A line per quarter: `npm start` output stays readable.
      if (done === total || done - reported >= total / 4) {
        reported = done;
        log(`  ${done}/${total} messages`);
      }
    },
  });
  const errors = Object.entries(summary.errors).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  log(`Ingested ${summary.ingested} corpus messages in ${summary.seconds.toFixed(1)} s (${summary.perSecond.toFixed(0)}/s); duplicates ${summary.duplicates}, errors: ${errors}.`);
  return summary.ingested;
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
