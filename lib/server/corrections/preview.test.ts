import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createCorrection } from './create';
import { previewCorrection } from './preview';
import { settleRescoreRuns } from './rescore';
import { failure, makeWorld, withCorrectionsDatabase } from './test-support';

// The impact preview replays a draft over the tenant's stored history; guardrails are warnings
// that creating refuses until each is acknowledged.

withCorrectionsDatabase();

const reason = 'Known partner, mail confirmed by phone';
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code).sort();

describe('previewCorrection', () => {
  it('counts what a domain correction would release, how much of it is malicious, and lists it', async () => {
    const w = await makeWorld();
    const spam1 = await w.ingest('news@shop.example', 'pass', 'spam', 'ham');
    const spam2 = await w.ingest('offers@mail.shop.example', 'pass', 'spam', 'ham');
    const phish = await w.ingest('news@shop.example', 'pass', 'attack', 'phish');
    await w.ingest('team@shop.example', 'pass', 'ham', 'ham'); // already safe: in scope, nothing to release
    const forged = await w.ingest('news@shop.example', 'none', 'spam', 'spam'); // unauthenticated: the guard keeps it
    await w.ingest('news@othershop.example', 'pass', 'spam'); // out of scope
    const p = await previewCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'domain', domain: 'shop.example' } } });
    expect(p).toMatchObject({ tenant: w.tenant.slug, scanned: 5, matched: 3, released: 3, releasedMalicious: 1, guardSkipped: 1, needsApproval: true, truncated: false });
    expect(p.sample.map((s) => s.id).sort()).toEqual([spam1.id, spam2.id, phish.id].sort());
    expect(p.maliciousSample.map((s) => s.id)).toEqual([phish.id]);
    expect(p.sample.map((s) => s.id)).not.toContain(forged.id);
    expect(codes(p.warnings)).toEqual(['releases_malicious']);
    // Without the guard the forged one is released too, and the preview says the guard is off.
    const open = await previewCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'domain', domain: 'shop.example' }, requireAuth: false, authGuardReason: 'their relay strips DKIM' } });
    expect(open).toMatchObject({ released: 4, releasedMalicious: 2, guardSkipped: 0 });
    expect(codes(open.warnings)).toEqual(['guard_off', 'releases_malicious']);
    // Nothing was written.
    expect((await db.message.findUniqueOrThrow({ where: { id: spam1.id } })).flagged).toBe(true);
  });

  it('does not count messages an active correction already releases', async () => {
    const w = await makeWorld();
    await w.ingest('ops@vendor.example', 'pass', 'spam', 'ham');
    await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'sender', address: 'ops@vendor.example' } } });
    await settleRescoreRuns();
    const p = await previewCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'domain', domain: 'vendor.example' } } });
    expect(p).toMatchObject({ scanned: 1, released: 0 });
    expect(codes(p.warnings)).toEqual(['broader_than_evidence', 'overlap']);
  });
});

describe('guardrails', () => {
  it('warns about free-mail domains, DMARC failures, lookalikes, narrow evidence and duplicates', async () => {
    const w = await makeWorld();
    const preview = (scope: Record<string, string>, extra: Record<string, unknown> = {}) =>
      previewCorrection({ ctx: w.admin, input: { tenant: w.tenant.slug, reason, scope: scope as never, ...extra } });
    expect(codes((await preview({ kind: 'domain', domain: 'gmail.com' })).warnings)).toContain('free_mail');
    expect(codes((await preview({ kind: 'rule_domain', ruleId: 'credential_lure', domain: 'outlook.com' })).warnings)).toContain('free_mail');
    // A single gmail sender is a normal request.
    expect(codes((await preview({ kind: 'sender', address: 'jane.doe@gmail.com' })).warnings)).toEqual([]);

    await w.ingest('billing@spoofed.example', 'fail', 'ham');
    expect(codes((await preview({ kind: 'sender', address: 'billing@spoofed.example' })).warnings)).toContain('dmarc_fail');

    const own = w.tenant.domains[0];
    const lookalike = own.replace(/^(.)/, (c) => (c === 'a' ? 'b' : 'a'));
    expect(codes((await preview({ kind: 'domain', domain: lookalike })).warnings)).toContain('lookalike');
    expect(codes((await preview({ kind: 'domain', domain: 'paypa1.com' })).warnings)).toContain('lookalike');
    expect(codes((await preview({ kind: 'domain', domain: 'micros0ft-support.com' })).warnings)).toContain('lookalike');
    expect(codes((await preview({ kind: 'domain', domain: 'paypal.com' })).warnings)).not.toContain('lookalike');
    expect(codes((await preview({ kind: 'domain', domain: 'unrelated-business.example' })).warnings)).toEqual([]);

    await w.ingest('one@single.example', 'pass', 'spam', 'ham');
    await w.ingest('one@single.example', 'pass', 'spam', 'ham');
    expect(codes((await preview({ kind: 'domain', domain: 'single.example' })).warnings)).toEqual(['broader_than_evidence']);
    await w.ingest('two@single.example', 'pass', 'spam', 'ham');
    expect(codes((await preview({ kind: 'domain', domain: 'single.example' })).warnings)).toEqual([]);

    await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'sender', address: 'dup@dup.example' } } });
    const dup = await preview({ kind: 'sender', address: 'DUP@dup.example' });
    expect(dup.warnings).toEqual([expect.objectContaining({ code: 'duplicate', correctionIds: [expect.any(Number)] })]);
    expect(codes((await preview({ kind: 'domain', domain: 'dup.example' })).warnings)).toEqual(['overlap']);
    expect(codes((await preview({ kind: 'rule_sender', ruleId: 'credential_lure', address: 'dup@dup.example' })).warnings)).toEqual(['overlap']);
    expect(codes((await preview({ kind: 'sender', address: 'other@dup.example' })).warnings)).toEqual([]);
  });

  it('createCorrection refuses unacknowledged warnings with a 422 that lists them, and stores the figures', async () => {
    const w = await makeWorld();
    await w.ingest('ceo@gmail.com', 'pass', 'spam', 'ham');
    const input = { tenant: w.tenant.slug, reason, scope: { kind: 'domain' as const, domain: 'gmail.com' } };
    const refused = await failure(createCorrection({ ctx: w.support, input }));
    expect(refused).toMatchObject({ code: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining({ path: 'acknowledgedWarnings.free_mail' }), expect.objectContaining({ path: 'acknowledgedWarnings.broader_than_evidence' })]) });
    expect(await db.correction.count({ where: { scopeDomain: 'gmail.com', tenantId: w.tenant.id } })).toBe(0);
    const partly = await failure(createCorrection({ ctx: w.support, input: { ...input, acknowledgedWarnings: ['free_mail'] } }));
    expect(partly).toMatchObject({ issues: [expect.objectContaining({ path: 'acknowledgedWarnings.broader_than_evidence' })] });
    const { correction } = await createCorrection({ ctx: w.support, input: { ...input, acknowledgedWarnings: ['free_mail', 'broader_than_evidence'] } });
    expect(correction.preview).toEqual({ scanned: 1, released: 1, malicious: 0, warnings: ['free_mail', 'broader_than_evidence'] });
    const previewed = await db.correctionEvent.findFirstOrThrow({ where: { correctionId: correction.id, kind: 'previewed' } });
    expect(previewed.data).toMatchObject({ scanned: 1, released: 1, releasedMalicious: 0, warnings: ['free_mail', 'broader_than_evidence'] });
  });
});
