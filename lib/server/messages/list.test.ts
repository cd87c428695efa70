import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorCode, makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { getMessage } from './get';
import { ingestMessage } from './ingest';
import { FLAGGED_VERDICTS, listMessages } from './list';
import { ctxOf, readCorpusMessage, readManifest } from './test-support';

withTestDatabase();

describe('listMessages and getMessage', () => {
  it('filters, pages by keyset without gaps or repeats, and stays inside the tenant', async () => {
    const tenant = await makeTenant();
    const outsider = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const entries = readManifest().slice(0, 30);
    const base = Date.parse('2026-01-01T00:00:00Z');
    // Two messages share a received time so the id tie-breaker is exercised.
    for (const [i, e] of entries.entries()) {
      await ingestMessage({ ctx: admin, tenant: tenant.slug, raw: readCorpusMessage(e), label: i % 3 ? e.label : null, recipient: e.recipient,
        receivedAt: new Date(base + Math.floor(i / 2) * 60_000) });
    }
    await ingestMessage({ ctx: admin, tenant: outsider.slug, raw: readCorpusMessage(readManifest()[40]) });
    const support = ctxOf(await makeUser({ role: 'support', tenantIds: [tenant.id] }));

    for (const sort of ['received_desc', 'received_asc', 'score_desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMessages({ ctx: support, input: { tenant: tenant.slug, sort, limit: 7, cursor } });
        expect(page.total).toEqual({ count: 30, capped: false, estimate: null });
        seen.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    }
    const all = (await listMessages({ ctx: support, input: { tenant: tenant.slug, limit: 200 } })).items;
    const sorted = [...all].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1));
    expect(all.map((m) => m.id)).toEqual(sorted.map((m) => m.id));

    const one = all.find((m) => m.fromAddress)!;
    const bySender = await listMessages({ ctx: support, input: { tenant: tenant.slug, sender: one.fromAddress.toUpperCase() } });
    expect(bySender.items.every((m) => m.fromAddress === one.fromAddress)).toBe(true);
    expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, senderDomain: one.fromDomain } })).items.length).toBeGreaterThan(0);
    expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, recipient: all[0].recipient } })).items.every((m) => m.recipient === all[0].recipient)).toBe(true);
    const flagged = await listMessages({ ctx: support, input: { tenant: tenant.slug, flagged: 'true' } });
    expect(flagged.items.every((m) => m.flagged)).toBe(true);
    expect(flagged.total.count + (await listMessages({ ctx: support, input: { tenant: tenant.slug, flagged: false } })).total.count).toBe(30);
    const safe = await listMessages({ ctx: support, input: { tenant: tenant.slug, verdict: 'safe' } });
    expect(safe.items.every((m) => m.verdict === 'safe')).toBe(true);
    expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, hasLabel: false } })).total.count).toBe(10);
    const word = one.subject.split(/\s+/).find((w) => w.length > 3) ?? one.subject;
    const bySubject = await listMessages({ ctx: support, input: { tenant: tenant.slug, subject: word.toLowerCase() } });
    expect(bySubject.items.map((m) => m.id)).toContain(one.id);
    expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, subject: '%_%' } })).items.every((m) => m.subject.includes('%_%'))).toBe(true);
    const window = await listMessages({ ctx: support, input: { tenant: tenant.slug, from: new Date(base + 5 * 60_000), to: new Date(base + 10 * 60_000) } });
    expect(window.total.count).toBe(10);

    const detail = await getMessage({ ctx: support, input: { tenant: tenant.slug, id: one.id } });
    expect(detail.decision?.verdict).toBe(one.verdict);
    expect(detail.raw).toBeNull();
    expect((await getMessage({ ctx: support, input: { tenant: tenant.slug, id: one.id, includeRaw: true } })).raw?.byteLength).toBeGreaterThan(0);
    const fired = detail.firedRules[0];
    if (fired) expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, rule: fired } })).items.map((m) => m.id)).toContain(one.id);

    // Isolation: the outsider tenant is invisible to this user, and ids do not cross tenants.
    expect(await errorCode(listMessages({ ctx: support, input: { tenant: outsider.slug } }))).toBe('not_found');
    const outsiderId = (await listMessages({ ctx: admin, input: { tenant: outsider.slug } })).items[0].id;
    expect(await errorCode(getMessage({ ctx: support, input: { tenant: tenant.slug, id: outsiderId } }))).toBe('not_found');
    expect(await errorCode(listMessages({ ctx: support, input: { tenant: tenant.slug, cursor: 'garbage' } }))).toBe('invalid_input');
  });

  it('pages backwards, filters by Message-ID and label, and refuses bad input with named issues', async () => {
    const tenant = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const entries = readManifest().slice(100, 112);
    const base = Date.parse('2026-02-01T00:00:00Z');
    for (const [i, e] of entries.entries()) {
      await ingestMessage({ ctx: admin, tenant: tenant.slug, raw: readCorpusMessage(e), label: i < 4 ? e.label : null, recipient: e.recipient,
        receivedAt: new Date(base + i * 60_000) });
    }
    const list = (input: Omit<Parameters<typeof listMessages>[0]['input'], 'tenant'>) => listMessages({ ctx: admin, input: { tenant: tenant.slug, ...input } });

    // Forward pages of 5, then Previous from the last page walks back through the same pages.
    for (const sort of ['received_desc', 'received_asc', 'score_desc'] as const) {
      const forward: string[][] = [];
      let page = await list({ sort, limit: 5 });
      expect(page.prevCursor).toBeNull();
      forward.push(page.items.map((m) => m.id));
      while (page.nextCursor) {
        page = await list({ sort, limit: 5, cursor: page.nextCursor });
        forward.push(page.items.map((m) => m.id));
      }
      expect(forward.map((p) => p.length)).toEqual([5, 5, 2]);
      const backward: string[][] = [forward.at(-1)!];
      while (page.prevCursor) {
        page = await list({ sort, limit: 5, cursor: page.prevCursor });
        backward.unshift(page.items.map((m) => m.id));
        expect(page.nextCursor).not.toBeNull();
      }
      expect(backward).toEqual(forward);
    }

    const all = (await list({})).items;
    // The list relies on flagged following from the verdict (see FLAGGED_VERDICTS).
    expect(all.every((m) => m.flagged === FLAGGED_VERDICTS.has(m.verdict))).toBe(true);
    const someVerdict = all[0].verdict;
    const sameFlag = await list({ verdict: someVerdict as 'safe', flagged: FLAGGED_VERDICTS.has(someVerdict) });
    expect(sameFlag.items.map((m) => m.id)).toEqual((await list({ verdict: someVerdict as 'safe' })).items.map((m) => m.id));
    expect((await list({ verdict: someVerdict as 'safe', flagged: !FLAGGED_VERDICTS.has(someVerdict) })).total.count).toBe(0);

    expect((await list({ hasLabel: true })).items.map((m) => m.label)).toEqual(expect.arrayContaining([expect.any(String)]));
    expect((await list({ hasLabel: true })).total.count).toBe(4);

    const withId = await db.message.findFirstOrThrow({ where: { tenantId: tenant.id, messageId: { not: null } } });
    const bare = withId.messageId!.replace(/^<|>$/g, '');
    for (const form of [withId.messageId!, bare]) expect((await list({ messageId: form })).items.map((m) => m.id)).toContain(withId.id);

    const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? { code: e.code, paths: e.issues?.map((i) => i.path) } : e));
    expect(await fail(list({ subject: 'ab' }))).toEqual({ code: 'invalid_input', paths: ['subject'] });
    expect(await fail(list({ verdict: 'bogus' as 'safe' }))).toEqual({ code: 'invalid_input', paths: ['verdict'] });
    expect(await fail(list({ from: new Date('2026-03-01'), to: new Date('2026-02-01') }))).toEqual({ code: 'invalid_input', paths: ['to'] });
    // A cursor from one sort pasted onto another is refused before it reaches SQL.
    const received = (await list({ limit: 2 })).nextCursor!;
    expect(await fail(list({ sort: 'score_desc', cursor: received }))).toEqual({ code: 'invalid_input', paths: ['cursor'] });
  });
});
