import 'server-only';
import { afterAll, beforeAll } from 'vitest';
import { db } from '@/lib/db';
import { createTestDatabase } from '@/lib/db/test-database';
import { resetEnvForTests } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/server/auth';
import { makeTenant, makeUser } from '@/lib/server/auth/test-support';
import { ingestBatch, type IngestTenant } from '@/lib/server/messages/ingest-batch';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { ctxOf } from '@/lib/server/messages/test-support';
import { settleRescoreRuns } from './rescore';

// Shared by the corrections integration tests: a private migrated database, tenants with users,
// and synthetic messages whose verdict and authentication we control.

/** Registers the suite's hooks: a private migrated database, dropped after background re-score runs settle. */
export function withCorrectionsDatabase(): void {
  withPrivateDatabase('triage_corr');
}

/** The same hooks with a database name prefix of the suite's own. */
export function withPrivateDatabase(prefix: string): void {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(prefix);
    // Tests are the one place outside lib/env that writes the environment.
    process.env.DATABASE_URL = database.url;
    resetEnvForTests();
  }, 120_000);
  afterAll(async () => {
    await settleRescoreRuns();
    await db.$disconnect();
    await database?.drop();
  });
}

export type Auth = 'pass' | 'fail' | 'none';
/** attack: credential/lock lures with IP links (verdict attack); spam: an all-caps sale (verdict spam); ham: meeting minutes (safe). */
export type Kind = 'attack' | 'spam' | 'ham';

let counter = 0;

/** A raw message from `from` with the given authentication outcome and content. */
export function makeEml(from: string, auth: Auth, kind: Kind): Uint8Array {
  const n = ++counter;
  const domain = from.slice(from.indexOf('@') + 1);
  const ar = auth === 'pass' ? `Authentication-Results: mx.tenant.example; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}\r\n`
    : auth === 'fail' ? `Authentication-Results: mx.tenant.example; spf=fail smtp.mailfrom=${domain}; dkim=fail header.d=${domain}; dmarc=fail header.from=${domain}\r\n` : '';
  const [subject, body] = kind === 'attack'
    ? ['URGENT: verify your account now!!!', `Your account has been suspended. Verify your password immediately or your account will be locked within 24 hours.\r\nConfirm your login credentials: http://192.168.13.7/login/verify?id=${n}\r\nUpdate your payment details now: http://bit.ly/x${n}\r\n`]
    : kind === 'spam'
      ? ['BIG SALE TODAY!!!', `HUGE DISCOUNTS ON ALL PRODUCTS. BUY NOW AND SAVE 90 PERCENT. LIMITED TIME OFFER ${n}. CLICK http://deals.shop-now.example/a http://deals.shop-now.example/b http://deals.shop-now.example/c http://deals.shop-now.example/d http://deals.shop-now.example/e http://deals.shop-now.example/f\r\nUnsubscribe http://deals.shop-now.example/u\r\n`]
      : ['Minutes', `Hi,\r\n\r\nAttached are the minutes from Tuesday's meeting (${n}).\r\n\r\nThanks\r\n`];
  return new TextEncoder().encode(
    `${ar}From: Sender <${from}>\r\nTo: box@t.example\r\nSubject: ${subject} ${n}\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: <m${n}.${Date.now()}@${domain}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`,
  );
}

/** A tenant with one user per role (support and engineer granted it) and an ingest helper. */
export async function makeWorld() {
  const tenant = await makeTenant();
  const user = async (role: Role) => ctxOf(await makeUser({ role, tenantIds: role === 'admin' ? [] : [tenant.id] }));
  const [support, engineer, admin, admin2] = await Promise.all([user('support'), user('engineer'), user('admin'), user('admin')]);
  const ingestTenant: IngestTenant = { id: tenant.id, slug: tenant.slug, domains: tenant.domains, vips: [] };
  async function ingest(from: string, auth: Auth, kind: Kind, label: 'phish' | 'spam' | 'ham' | null = null) {
    const [result] = await ingestBatch(prismaDatabase(db), ingestTenant, [{ raw: makeEml(from, auth, kind), receivedAt: new Date(), label, recipient: 'box@t.example' }]);
    if (result.status === 'error') throw new Error(`test message did not parse: ${result.message}`);
    return result;
  }
  return { tenant, support, engineer, admin, admin2, ingest };
}

/** The stored verdict/flag of a message. */
export async function stored(id: string) {
  return db.message.findUniqueOrThrow({ where: { id }, select: { verdict: true, flagged: true, topReason: true } });
}

/** An AppError's code, status-relevant fields and user message, or the error itself. */
export async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.userMessage, issues: e.issues } : e),
  );
}
