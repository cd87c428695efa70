import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { errorCode, makeTenant, makeUser, uniqueId, useTestDatabase } from '@/lib/server/auth/test-support';
import { settleRescoreRuns, startRescoreRuns } from '@/lib/server/corrections/rescore';
import { ingestMessage } from '@/lib/server/messages/ingest';
import { ctxOf, readCorpusMessage, readManifest } from '@/lib/server/messages/test-support';
import { listExpiringCorrections } from './expiring';
import { getCorrectionsHygiene } from './get';
import { listNeverMatchedCorrections } from './never-matched';
import { listOverlappingCorrections } from './overlapping';
import { listCorrectionsReleasingMalicious } from './released-malicious';

// Runs on the runner's shared database: every assertion looks only at corrections made here.

let done: (() => Promise<void>) | undefined;
let admin: ReturnType<typeof ctxOf>;
beforeAll(async () => {
  ({ done } = await useTestDatabase());
  admin = ctxOf(await makeUser({ role: 'admin' }));
}, 120_000);
afterAll(() => done?.());

type Fields = { tenantId: string | null; status?: string; expiresAt?: Date | null; requireAuth?: boolean } & (
  | { scopeKind: 'sender' | 'domain'; scopeAddress?: string; scopeDomain?: string }
  | { scopeKind: 'rule_sender' | 'rule_domain'; scopeRuleId: string; scopeAddress?: string; scopeDomain?: string }
);

const makeCorrection = async (f: Fields) =>
  (await db.correction.create({
    data: { status: 'active', requireAuth: true, expiresAt: null, reason: 'hygiene test', createdBy: admin.user.id, ...f },
    select: { id: true },
  })).id;

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('corrections hygiene', () => {
  it('is for admins only', async () => {
    const tenant = await makeTenant();
    const engineer = ctxOf(await makeUser({ role: 'engineer', tenantIds: [tenant.id] }));
    expect(await errorCode(getCorrectionsHygiene({ ctx: engineer, input: { tenant: tenant.slug } }))).toBe('forbidden');
    expect(await errorCode(listExpiringCorrections({ ctx: admin, input: { tenant: 'no-such-tenant' } }))).toBe('not_found');
  });

  it('lists active corrections expiring within the horizon, soonest first, boundaries included correctly', async () => {
    const tenant = await makeTenant();
    const now = new Date('2026-11-23T12:00:00Z');
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const base = { tenantId: tenant.id, scopeKind: 'sender' as const, scopeAddress: `x-${uniqueId()}@exp.example` };
    const inThree = await makeCorrection({ ...base, expiresAt: at(3) });
    const atHorizon = await makeCorrection({ ...base, expiresAt: at(7) });
    const inOne = await makeCorrection({ ...base, expiresAt: at(1) });
    await makeCorrection({ ...base, expiresAt: at(7.001) });
    await makeCorrection({ ...base, expiresAt: now });
    await makeCorrection({ ...base, expiresAt: null });
    await makeCorrection({ ...base, expiresAt: at(2), status: 'pending' });
    await makeCorrection({ ...base, expiresAt: at(2), status: 'revoked' });
    expect(ids(await listExpiringCorrections({ ctx: admin, input: { tenant: tenant.slug }, now }))).toEqual([inOne, inThree, atHorizon]);
    expect(ids(await listExpiringCorrections({ ctx: admin, input: { tenant: tenant.slug, days: 2 }, now }))).toEqual([inOne]);
  });

  it('finds corrections that match nothing and those that release malicious mail, by replaying with the engine', async () => {
    const tenant = await makeTenant();
    const ctx = ctxOf(await makeUser({ role: 'admin' }));
    // A phish the engine flags, and a ham it delivers.
    let phish: { id: string; fromAddress: string } | undefined;
    for (const entry of readManifest().filter((e) => e.label === 'phish').slice(0, 30)) {
      const result = await ingestMessage({ ctx, tenant: tenant.slug, raw: readCorpusMessage(entry), label: 'phish', recipient: 'ops@t.example' });
      if (result.flagged && result.created) {
        phish = await db.message.findUniqueOrThrow({ where: { id: result.id }, select: { id: true, fromAddress: true } });
        break;
      }
    }
    expect(phish, 'a flagged phish in the first 30 of the corpus').toBeDefined();
    let ham: { id: string; fromAddress: string } | undefined;
    for (const entry of readManifest().filter((e) => e.label === 'ham').slice(0, 30)) {
      const result = await ingestMessage({ ctx, tenant: tenant.slug, raw: readCorpusMessage(entry), label: 'ham', recipient: 'ops@t.example' });
      const row = await db.message.findUniqueOrThrow({ where: { id: result.id }, select: { id: true, fromAddress: true } });
      if (!result.flagged && row.fromAddress.toLowerCase() !== phish!.fromAddress.toLowerCase()) {
        ham = row;
        break;
      }
    }
    expect(ham).toBeDefined();

    const releasesPhish = await makeCorrection({ tenantId: tenant.id, scopeKind: 'sender', scopeAddress: phish!.fromAddress.toLowerCase(), requireAuth: false });
    const coversHam = await makeCorrection({ tenantId: tenant.id, scopeKind: 'sender', scopeAddress: ham!.fromAddress.toLowerCase(), requireAuth: false });
    const nothing = await makeCorrection({ tenantId: tenant.id, scopeKind: 'sender', scopeAddress: `nobody-${uniqueId()}@nowhere.example` });
    const pendingNothing = await makeCorrection({ tenantId: tenant.id, scopeKind: 'sender', scopeAddress: `nobody-${uniqueId()}@nowhere.example`, status: 'pending' });
    const ruleNeverFires = await makeCorrection({ tenantId: tenant.id, scopeKind: 'rule_sender', scopeRuleId: 'no_such_rule', scopeAddress: ham!.fromAddress.toLowerCase(), requireAuth: false });
    for (const id of [releasesPhish, coversHam, nothing, ruleNeverFires]) await startRescoreRuns(id, 'applied');
    await settleRescoreRuns();
    expect(await db.message.findUniqueOrThrow({ where: { id: phish!.id }, select: { flagged: true } })).toEqual({ flagged: false });

    const unmatched = await listNeverMatchedCorrections({ ctx: admin, input: { tenant: tenant.slug } });
    const mine = unmatched.filter((c) => [releasesPhish, coversHam, nothing, pendingNothing, ruleNeverFires].includes(c.id));
    // coversHam applies to a message that was safe anyway: no stored attribution, but the replay finds the match.
    expect(mine).toEqual([
      expect.objectContaining({ id: nothing, inScope: 0, why: 'nothing_in_scope', tenant: tenant.slug, createdBy: admin.user.email, scopeText: expect.stringMatching(/^sender nobody-/) }),
      expect.objectContaining({ id: ruleNeverFires, inScope: 1, why: 'rule_not_fired' }),
    ]);

    const malicious = (await listCorrectionsReleasingMalicious({ ctx: admin, input: { tenant: tenant.slug } })).filter((c) => [releasesPhish, coversHam, nothing, ruleNeverFires].includes(c.id));
    expect(malicious).toEqual([
      expect.objectContaining({ id: releasesPhish, released: 1, messages: [expect.objectContaining({ messageId: phish!.id, label: 'phish', tenant: tenant.slug, verdictBefore: expect.stringMatching(/attack|spam/) })] }),
    ]);

    // Revoked: no longer releasing anything, and no longer judged.
    await db.correction.update({ where: { id: releasesPhish }, data: { status: 'revoked', revokedAt: new Date() } });
    expect(ids(await listCorrectionsReleasingMalicious({ ctx: admin, input: { tenant: tenant.slug } }))).not.toContain(releasesPhish);
  }, 120_000);

  it('pairs live corrections whose scopes overlap, within a tenant or with an all-tenant one', async () => {
    const [t1, t2] = [await makeTenant(), await makeTenant()];
    const domain = `ov-${uniqueId()}.example`;
    const sender = await makeCorrection({ tenantId: t1.id, scopeKind: 'sender', scopeAddress: `billing@mail.${domain}` });
    const wholeDomain = await makeCorrection({ tenantId: t1.id, scopeKind: 'domain', scopeDomain: domain, status: 'pending' });
    const ruleOnSub = await makeCorrection({ tenantId: t1.id, scopeKind: 'rule_domain', scopeRuleId: 'spf_fail', scopeDomain: `mail.${domain}` });
    await makeCorrection({ tenantId: t1.id, scopeKind: 'sender', scopeAddress: `billing@mail.${domain}`, status: 'revoked' });
    await makeCorrection({ tenantId: t1.id, scopeKind: 'sender', scopeAddress: `billing@mail.${domain}`, expiresAt: new Date(Date.now() - 1000) });
    await makeCorrection({ tenantId: t1.id, scopeKind: 'sender', scopeAddress: `billing@other-${domain}` });
    const otherTenant = await makeCorrection({ tenantId: t2.id, scopeKind: 'sender', scopeAddress: `billing@mail.${domain}` });
    // Pending, so it never applies to the shared database's other tests.
    const everywhere = await makeCorrection({ tenantId: null, scopeKind: 'domain', scopeDomain: `mail.${domain}`, status: 'pending' });

    const pairs = (await listOverlappingCorrections({ ctx: admin, input: { tenant: t1.slug } })).map((p) => [p.a.id, p.b.id]);
    const sorted = (a: number, b: number) => (a < b ? [a, b] : [b, a]);
    expect(pairs.filter(([a, b]) => [a, b].some((id) => [sender, wholeDomain, ruleOnSub, everywhere].includes(id)))).toEqual(
      [sorted(sender, wholeDomain), sorted(sender, ruleOnSub), sorted(sender, everywhere), sorted(wholeDomain, ruleOnSub), sorted(wholeDomain, everywhere), sorted(ruleOnSub, everywhere)]
        .sort((x, y) => x[0] - y[0] || x[1] - y[1]),
    );
    const all = (await listOverlappingCorrections({ ctx: admin })).map((p) => [p.a.id, p.b.id]);
    expect(all).toContainEqual(sorted(otherTenant, everywhere));
    expect(all).not.toContainEqual(sorted(sender, otherTenant));
  });
});
