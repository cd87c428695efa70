import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { makeTenant, makeUser, useTestDatabase } from '@/lib/server/auth/test-support';
import { getMessage } from './get';
import { ingestMessage } from './ingest';
import { listMessages } from './list';
import { ctxOf, readCorpusMessage, readManifest } from './test-support';

let done: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ done } = await useTestDatabase());
}, 120_000);
afterAll(() => done?.());

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
        expect(page.total).toEqual({ count: 30, capped: false });
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
    expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, subject: '%' } })).items.every((m) => m.subject.includes('%'))).toBe(true);
    const window = await listMessages({ ctx: support, input: { tenant: tenant.slug, from: new Date(base + 5 * 60_000), to: new Date(base + 10 * 60_000) } });
    expect(window.total.count).toBe(10);

    const detail = await getMessage({ ctx: support, input: { tenant: tenant.slug, id: one.id } });
    expect(detail.decision?.verdict).toBe(one.verdict);
    expect(detail.raw).toBeNull();
    expect((await getMessage({ ctx: support, input: { tenant: tenant.slug, id: one.id, includeRaw: true } })).raw?.byteLength).toBeGreaterThan(0);
    const fired = detail.firedRules[0];
    if (fired) expect((await listMessages({ ctx: support, input: { tenant: tenant.slug, rule: fired } })).items.map((m) => m.id)).toContain(one.id);

    // Isolation: the outsider tenant is invisible to this user, and ids do not cross tenants.
    const code = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : e));
    expect(await code(listMessages({ ctx: support, input: { tenant: outsider.slug } }))).toBe('not_found');
    const outsiderId = (await listMessages({ ctx: admin, input: { tenant: outsider.slug } })).items[0].id;
    expect(await code(getMessage({ ctx: support, input: { tenant: tenant.slug, id: outsiderId } }))).toBe('not_found');
    expect(await code(listMessages({ ctx: support, input: { tenant: tenant.slug, cursor: 'garbage' } }))).toBe('invalid_input');
  });
});
