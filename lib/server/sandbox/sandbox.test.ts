import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { DEFAULT_RULESET } from '@/lib/engine';
import { createCorrection } from '@/lib/server/corrections/create';
import { settleRescoreRuns } from '@/lib/server/corrections/rescore';
import { failure, makeWorld, withCorrectionsDatabase } from '@/lib/server/corrections/test-support';
import { shippedDraft, withRule } from '@/lib/server/rulesets/test-support';
import { backtestDraft } from './backtest';
import { checkDraft } from './check';
import { getSandbox } from './get';

// The sandbox's read-only operations on synthetic mail whose verdicts we control: the live check
// (diagnostics, one message's decision under the draft) and the backtest over stored history.

withCorrectionsDatabase();

/** A draft with one extra rule that fires on every message. */
function withEverywhereRule(score: number, category: 'attack' | 'spam' | 'graymail' = 'spam') {
  const draft = shippedDraft();
  return { ...draft, rules: [...draft.rules, { id: 'everywhere', title: 'Everywhere', description: '', expression: 'true', score, category, enabled: true, tags: [] }] };
}

describe('checkDraft', () => {
  it('answers compile errors as positioned diagnostics, without scoring anything', async () => {
    const w = await makeWorld();
    const spam = await w.ingest('deals@shop.example', 'pass', 'spam');
    const draft = withRule(shippedDraft(), 'lookalike_from_domain', { expression: 'message.lookalike_from_domain &&\n  message.no_such_signal' });
    const r = await checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft, messageId: spam.id } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([expect.objectContaining({ ruleId: 'lookalike_from_domain', line: 2 })]);
    expect(r.diagnostics[0].message).toMatch(/no_such_signal/);
    expect(r.publishedVersion).toBe('2026.11.3');
  });

  it("puts a message's decision under the draft next to the published one", async () => {
    const w = await makeWorld();
    const spam = await w.ingest('deals@shop.example', 'pass', 'spam');
    expect(spam.flagged).toBe(true);
    const same = await checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: shippedDraft(), messageId: spam.id } });
    expect(same).toMatchObject({ ok: true, message: { id: spam.id, diff: { changed: false, before: { verdict: spam.verdict } } } });

    const released = await checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: withEverywhereRule(-1000), messageId: spam.id } });
    if (!released.ok || !released.message) throw new Error('expected a scored message');
    expect(released.message.diff).toMatchObject({ changed: true, before: { flagged: true, rulesetVersion: '2026.11.3' }, after: { verdict: 'safe', flagged: false, rulesetVersion: 'draft' } });
    expect(released.message.diff.contributions).toContainEqual(expect.objectContaining({ kind: 'rule', change: 'added', after: -1000 }));
    expect(released.message.draft.attribution.some((a) => a.kind === 'rule' && a.ruleId === 'everywhere')).toBe(true);
  });

  it('does not score messages of other tenants, and refuses support users and malformed drafts', async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const theirs = await other.ingest('deals@shop.example', 'pass', 'spam');
    // The draft compiles; only the message is refused, as a value, so publishing does not wait on it.
    for (const messageId of [theirs.id, randomUUID()]) {
      const r = await checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: shippedDraft(), messageId } });
      expect(r).toMatchObject({ ok: true, message: null, messageError: expect.stringContaining(messageId) });
    }
    expect(await failure(checkDraft({ ctx: w.support, input: { tenant: w.tenant.slug, draft: shippedDraft() } }))).toMatchObject({ code: 'forbidden' });
    const twice = shippedDraft();
    twice.rules.push({ ...twice.rules[0] });
    expect(await failure(checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: twice } }))).toBeInstanceOf(ZodError);
    const unordered = { ...shippedDraft(), thresholds: { attack: 1, spam: 2, graymail: 0 } };
    expect(await failure(checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: unordered } }))).toBeInstanceOf(ZodError);
  });
});

describe('backtestDraft', () => {
  it('counts what a draft flags and releases against the labels, and lists the flips', async () => {
    const w = await makeWorld();
    const phish = await w.ingest('it@lure.example', 'fail', 'attack', 'phish');
    const spam = await w.ingest('deals@shop.example', 'pass', 'spam', 'spam');
    const ham = await w.ingest('colleague@partner.example', 'pass', 'ham', 'ham');
    expect([phish.flagged, spam.flagged, ham.flagged]).toEqual([true, true, false]);

    const unchanged = await backtestDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: shippedDraft() } });
    expect(unchanged).toMatchObject({ scanned: 3, replayed: 3, skipped: 0, changed: 0, flips: [], rules: [], truncated: false });
    expect(unchanged.labels).toEqual({ phish: 1, spam: 1, ham: 1, before: { phishCaught: 1, spamCaught: 1, hamFlagged: 0 }, after: { phishCaught: 1, spamCaught: 1, hamFlagged: 0 } });

    // +1000 on everything: the ham is newly flagged (a false positive); nothing is released.
    const noisy = await backtestDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: withEverywhereRule(1000) } });
    expect(noisy).toMatchObject({ newlyFlagged: 1, newlyFlaggedHam: 1, released: 0 });
    expect(noisy.flips[0]).toMatchObject({ id: ham.id, change: 'flagged', rulesAdded: ['everywhere'], label: 'ham' });
    expect(noisy.labels.after.hamFlagged).toBe(1);
    expect(noisy.rules).toContainEqual({ id: 'everywhere', before: 0, after: 3, afterOnHam: 1 });

    // −1000 on everything: both malicious messages are released.
    const lax = await backtestDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: withEverywhereRule(-1000) } });
    expect(lax).toMatchObject({ released: 2, releasedMalicious: 2, newlyFlagged: 0 });
    expect(lax.flips.filter((f) => f.change === 'released').map((f) => f.id).sort()).toEqual([phish.id, spam.id].sort());
    // The ham drops from graymail to safe: a verdict change, listed after the releases.
    expect(lax.flips.at(-1)).toMatchObject({ id: ham.id, change: 'verdict', before: { verdict: 'graymail' }, after: { verdict: 'safe' } });
    expect(lax.labels.after).toEqual({ phishCaught: 0, spamCaught: 0, hamFlagged: 0 });
    // Read-only: nothing stored changed.
    expect((await db.message.findUniqueOrThrow({ where: { id: phish.id } })).flagged).toBe(true);
  });

  it("replays with today's active corrections on both sides", async () => {
    const w = await makeWorld();
    await w.ingest('ops@vendor.example', 'pass', 'spam', 'ham');
    await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason: 'Known partner, confirmed by phone', scope: { kind: 'sender', address: 'ops@vendor.example' } } });
    await settleRescoreRuns();
    // The correction keeps it delivered under the draft too, so +1000 changes nothing for it.
    const r = await backtestDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: withEverywhereRule(1000) } });
    expect(r).toMatchObject({ replayed: 1, changed: 0, newlyFlaggedHam: 0 });
  });

  it('refuses a draft that does not compile, with the positions as issues', async () => {
    const w = await makeWorld();
    const draft = withRule(shippedDraft(), 'vip_impersonation', { expression: 'message.vip_display_name +' });
    const f = await failure(backtestDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft } }));
    expect(f).toMatchObject({ code: 'invalid_input' });
    expect(JSON.stringify(f)).toMatch(/rules\.vip_impersonation\.expression.*line 1, column \d+/);
  });
});

describe('getSandbox', () => {
  it('starts from the published ruleset, the catalog, the versions and recent flagged mail', async () => {
    const w = await makeWorld();
    const spam = await w.ingest('deals@shop.example', 'pass', 'spam');
    await w.ingest('colleague@partner.example', 'pass', 'ham');
    const s = await getSandbox({ ctx: w.engineer, input: { tenant: w.tenant.slug } });
    expect(s.published).toMatchObject({ version: '2026.11.3', shipped: true });
    expect(s.published.rules.length).toBe(shippedDraft().rules.length);
    expect(s.signals.length).toBeGreaterThanOrEqual(40);
    expect(s.versions.versions).toEqual([expect.objectContaining({ version: '2026.11.3', active: true })]);
    expect(s.recentFlagged.map((m) => m.id)).toEqual([spam.id]);
    expect(await failure(getSandbox({ ctx: w.support, input: { tenant: w.tenant.slug } }))).toMatchObject({ code: 'forbidden' });
  });
});

describe('a published version that no longer compiles', () => {
  // Last in the file: it leaves a broken version active in this suite's private database.
  it('is named on the sandbox, which starts from it so the failing rules can be fixed', async () => {
    const w = await makeWorld();
    const broken = { ...withRule(shippedDraft(), 'dmarc_fail', { expression: 'message.retired_signal' }), version: '2026.11.90', model: DEFAULT_RULESET.model };
    const row = await db.rulesetVersion.create({ data: { version: broken.version, source: broken as unknown as Prisma.InputJsonObject, note: 'left by an earlier build' } });
    await db.rulesetActivation.create({ data: { versionId: row.id, kind: 'publish', reason: 'left by an earlier build' } });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = await getSandbox({ ctx: w.engineer, input: { tenant: w.tenant.slug } });
    expect(s.published).toMatchObject({ version: '2026.11.90', error: expect.stringContaining('retired_signal') });
    // The live check of that draft points at the rule to fix.
    const r = await checkDraft({ ctx: w.engineer, input: { tenant: w.tenant.slug, draft: { thresholds: s.published.thresholds, rules: s.published.rules } } });
    expect(r).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ ruleId: 'dmarc_fail' })] });
    errors.mockRestore();
  });
});
