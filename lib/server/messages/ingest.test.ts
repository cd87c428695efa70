import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { insertToken } from '@/lib/server/tokens/insert';
import { revokeIngestToken } from '@/lib/server/tokens/revoke';
import { extractSignals, parseMessage, type ScoringContext } from '@/lib/engine';
import { historyStub, withHistory } from './history';
import { ingestMessage } from './ingest';
import { analyzeRaw } from './row';
import { ctxOf, readCorpusMessage, readManifest } from './test-support';

withTestDatabase();

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { code: e.code, status: e.status, issues: e.issues } : e),
  );
}

const phish = () => readManifest().find((e) => e.label === 'phish')!;

describe('ingestMessage', () => {
  it('stores a message once: same bytes, same tenant → the existing row', async () => {
    const tenant = await makeTenant();
    const ctx = ctxOf(await makeUser({ role: 'admin' }));
    const raw = readCorpusMessage(phish());
    const first = await ingestMessage({ ctx, tenant: tenant.slug, raw, label: 'phish', recipient: 'a@x.example' });
    expect(first.created).toBe(true);
    const again = await ingestMessage({ ctx, tenant: tenant.slug, raw });
    expect(again).toMatchObject({ id: first.id, created: false, verdict: first.verdict });
    const row = await db.message.findUniqueOrThrow({ where: { id: first.id }, include: { raw: true, analysis: true } });
    expect(row.tenantId).toBe(tenant.id);
    expect(row.label).toBe('phish');
    expect(Buffer.from(row.raw!.raw).equals(Buffer.from(raw))).toBe(true);
    expect(row.analysis!.packedNum.byteLength % 8).toBe(0);
    // Another tenant gets its own copy.
    const other = await makeTenant();
    expect((await ingestMessage({ ctx, tenant: other.slug, raw })).id).not.toBe(first.id);
  });

  it('updates sender, domain and recipient stats', async () => {
    const tenant = await makeTenant();
    const ctx = ctxOf(await makeUser({ role: 'engineer', tenantIds: [tenant.id] }));
    const ham = readManifest().filter((e) => e.label === 'ham').slice(0, 3);
    for (const e of ham) await ingestMessage({ ctx, tenant: tenant.slug, raw: readCorpusMessage(e), recipient: 'Box@T.example' });
    const recipient = await db.recipientStats.findUniqueOrThrow({ where: { tenantId_recipient: { tenantId: tenant.id, recipient: 'box@t.example' } } });
    expect(recipient.messages).toBe(3);
    const senders = await db.senderStats.findMany({ where: { tenantId: tenant.id } });
    expect(senders.reduce((n, s) => n + s.messages, 0)).toBe(3);
    expect(recipient.fromFirstTimeSenders).toBe(senders.length);
    expect((await db.senderDomainStats.findMany({ where: { tenantId: tenant.id } })).length).toBeGreaterThan(0);
  });

  it('answers 422 with the parse code for unparseable input and 413 above the limit', async () => {
    const tenant = await makeTenant();
    const ctx = ctxOf(await makeUser({ role: 'admin' }));
    const bad = await failure(ingestMessage({ ctx, tenant: tenant.slug, raw: new Uint8Array(0) }));
    expect(bad).toMatchObject({ code: 'invalid_input', status: 422 });
    expect((bad as { issues: { message: string }[] }).issues[0].message).toMatch(/^\w+: /);
    const big = await failure(ingestMessage({ ctx, tenant: tenant.slug, raw: new Uint8Array(25 * 1024 * 1024 + 1) }));
    expect(big).toMatchObject({ status: 413 });
  });

  it('limits users to granted tenants and roles that may ingest', async () => {
    const mine = await makeTenant();
    const other = await makeTenant();
    const raw = readCorpusMessage(phish());
    const engineer = ctxOf(await makeUser({ role: 'engineer', tenantIds: [mine.id] }));
    expect(await failure(ingestMessage({ ctx: engineer, tenant: other.slug, raw }))).toMatchObject({ code: 'not_found' });
    const support = ctxOf(await makeUser({ role: 'support', tenantIds: [mine.id] }));
    expect(await failure(ingestMessage({ ctx: support, tenant: mine.slug, raw }))).toMatchObject({ code: 'forbidden' });
  });

  it('scopes tokens: missing/unknown/revoked → 401, other or unknown tenant → 403', async () => {
    const mine = await makeTenant();
    const other = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const raw = readCorpusMessage(phish());
    const { token, id } = await insertToken(db, { tenantId: mine.id, slug: mine.slug, name: 'test', createdBy: null });
    expect((await ingestMessage({ token, tenant: mine.slug, raw })).created).toBe(true);
    expect(await failure(ingestMessage({ token: null, tenant: mine.slug, raw }))).toMatchObject({ status: 401 });
    expect(await failure(ingestMessage({ token: 'trg_nope', tenant: mine.slug, raw }))).toMatchObject({ status: 401 });
    expect(await failure(ingestMessage({ token, tenant: other.slug, raw }))).toMatchObject({ status: 403 });
    expect(await failure(ingestMessage({ token, tenant: 'no-such-tenant-x', raw }))).toMatchObject({ status: 403 });
    expect(await db.message.count({ where: { tenantId: other.id } })).toBe(0);
    await revokeIngestToken({ ctx: admin, input: { tenant: mine.slug, id } });
    expect(await failure(ingestMessage({ token, tenant: mine.slug, raw }))).toMatchObject({ status: 401 });
  });
});

describe('withHistory', () => {
  // The bulk ingester extracts content signals on worker threads before the history is known and
  // adds sender.*/recipient.* afterwards: that must equal extracting with the full context.
  it('equals extractSignals with the full context, on corpus messages', async () => {
    const tenant = { slug: 'northwind', domains: ['northwind.example'], vips: [{ name: 'Priya Shah', addresses: ['priya.shah@northwind.example'] }] };
    const contexts: Omit<ScoringContext, 'tenant' | 'recipient'>[] = [
      { sender: null, recipientStats: null },
      { sender: { addressMessages: 0, domainMessages: 4, firstSeenDaysAgo: 0, flaggedShare: 0.5, correctedSafeShare: 0 }, recipientStats: { messages: 9, firstTimeSenderShare: 0.3, safeShare: 0.6 } },
      { sender: { addressMessages: 12, domainMessages: 40, firstSeenDaysAgo: 33.7, flaggedShare: 0, correctedSafeShare: 0.25 }, recipientStats: null },
    ];
    const empty = await historyStub();
    const entries = readManifest().filter((_e, i) => i % 173 === 0);
    for (const [i, entry] of entries.entries()) {
      const raw = readCorpusMessage(entry);
      const recipient = i % 2 ? 'priya.shah@northwind.example' : entry.recipient;
      const analyzed = await analyzeRaw(raw, tenant, recipient);
      const parsed = await parseMessage(raw);
      if (!analyzed.ok || !parsed.ok) throw new Error(`${entry.path} does not parse`);
      for (const context of contexts) {
        const full = { tenant, recipient, ...context };
        expect(withHistory(analyzed.signals, full, empty)).toEqual(extractSignals(parsed.message, full));
      }
    }
  });
});
