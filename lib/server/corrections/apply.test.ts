import { describe, expect, it } from 'vitest';
import { db, type Prisma } from '@/lib/db';
import type { Decision } from '@/lib/engine';
import { loadActiveCorrections } from './active';
import { createCorrection } from './create';
import { makeWorld, withCorrectionsDatabase } from './test-support';

// Active corrections are the engine's input at scoring time: which ones are active, and how
// scope matching (case, subdomains) and the authentication guard behave on newly ingested mail.

withCorrectionsDatabase();

const reason = 'Customer confirmed these are their invoices';

async function insert(tenantId: string | null, createdBy: string, fields: Partial<Prisma.CorrectionUncheckedCreateInput> = {}) {
  return db.correction.create({
    data: { tenantId, scopeKind: 'sender', scopeAddress: 'a@x.example', reason, createdBy, status: 'active', ...fields },
  });
}

describe('loadActiveCorrections', () => {
  it('returns approved, unexpired, unrevoked corrections of the tenant and all-tenant ones, with id = the number', async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const me = w.admin.user.id;
    const active = await insert(w.tenant.id, me, { scopeAddress: 'one@x.example' });
    const global = await insert(null, me, { scopeKind: 'domain', scopeAddress: null, scopeDomain: 'global.example', requireAuth: false });
    await insert(w.tenant.id, me, { status: 'pending', scopeAddress: 'pending@x.example' });
    await insert(w.tenant.id, me, { status: 'revoked', scopeAddress: 'revoked@x.example' });
    await insert(w.tenant.id, me, { status: 'rejected', scopeAddress: 'rejected@x.example' });
    await insert(other.tenant.id, me, { scopeAddress: 'other@x.example' });
    const list = await loadActiveCorrections(w.tenant.id);
    const mine = list.filter((c) => [String(active.id), String(global.id)].includes(c.id) || c.scope.kind === 'sender');
    expect(mine).toContainEqual({ id: String(active.id), scope: { kind: 'sender', address: 'one@x.example' }, requireAuth: true });
    expect(mine).toContainEqual({ id: String(global.id), scope: { kind: 'domain', domain: 'global.example' }, requireAuth: false });
    const addresses = list.flatMap((c) => ('address' in c.scope ? [c.scope.address] : []));
    expect(addresses).not.toContain('pending@x.example');
    expect(addresses).not.toContain('revoked@x.example');
    expect(addresses).not.toContain('rejected@x.example');
    expect(addresses).not.toContain('other@x.example');
  });

  it('stops applying exactly at expires_at', async () => {
    const w = await makeWorld();
    const expiresAt = new Date('2030-01-01T00:00:00.000Z');
    const c = await insert(w.tenant.id, w.admin.user.id, { scopeAddress: 'edge@x.example', expiresAt });
    const ids = async (at: Date) => (await loadActiveCorrections(w.tenant.id, at)).map((x) => x.id);
    expect(await ids(new Date(expiresAt.getTime() - 1))).toContain(String(c.id));
    expect(await ids(expiresAt)).not.toContain(String(c.id));
    expect(await ids(new Date(expiresAt.getTime() + 1))).not.toContain(String(c.id));
  });
});

describe('ingest applies active corrections', () => {
  it('matches a sender case-insensitively and only when authentication aligns (guard on)', async () => {
    const w = await makeWorld();
    expect((await w.ingest('Billing@Acme-Corp.example', 'pass', 'attack')).flagged).toBe(true);
    const { correction } = await createCorrection({
      ctx: w.support,
      input: { tenant: w.tenant.slug, scope: { kind: 'sender', address: 'BILLING@acme-corp.example' }, reason, acknowledgedWarnings: ['releases_malicious'] },
    });
    expect(correction.status).toBe('active');
    const passing = await w.ingest('billing@ACME-CORP.example', 'pass', 'attack');
    expect(passing).toMatchObject({ status: 'created', verdict: 'safe', flagged: false });
    const analysis = await db.messageAnalysis.findUniqueOrThrow({ where: { messageId: passing.id } });
    expect(JSON.stringify(analysis.decision)).toContain(`"correctionId":"${correction.id}"`);
    // A forged From (DMARC fail) or an unauthenticated one does not inherit the trust.
    expect((await w.ingest('billing@acme-corp.example', 'fail', 'attack')).flagged).toBe(true);
    expect((await w.ingest('billing@acme-corp.example', 'none', 'attack')).flagged).toBe(true);
    // Another address at the same domain is not covered.
    expect((await w.ingest('payroll@acme-corp.example', 'pass', 'attack')).flagged).toBe(true);
  });

  it('covers a domain and its subdomains but not look-alike suffixes; guard off applies without authentication', async () => {
    const w = await makeWorld();
    await db.correction.create({
      data: { tenantId: w.tenant.id, scopeKind: 'domain', scopeDomain: 'partner.example', requireAuth: false, authGuardReason: 'legacy relay', reason, createdBy: w.admin.user.id, status: 'active' },
    });
    expect((await w.ingest('a@partner.example', 'none', 'attack')).flagged).toBe(false);
    expect((await w.ingest('a@mail.EU.Partner.example', 'fail', 'attack')).flagged).toBe(false);
    expect((await w.ingest('a@evilpartner.example', 'pass', 'attack')).flagged).toBe(true);
    expect((await w.ingest('a@partner.example.evil.example', 'pass', 'attack')).flagged).toBe(true);
  });

  it('an all-tenant correction applies in every tenant; a tenant correction only in its own', async () => {
    const a = await makeWorld();
    const b = await makeWorld();
    await db.correction.create({ data: { tenantId: null, scopeKind: 'sender', scopeAddress: 'everyone@shared.example', reason, createdBy: a.admin.user.id, status: 'active' } });
    await db.correction.create({ data: { tenantId: a.tenant.id, scopeKind: 'sender', scopeAddress: 'only-a@shared.example', reason, createdBy: a.admin.user.id, status: 'active' } });
    expect((await a.ingest('everyone@shared.example', 'pass', 'attack')).flagged).toBe(false);
    expect((await b.ingest('everyone@shared.example', 'pass', 'attack')).flagged).toBe(false);
    expect((await a.ingest('only-a@shared.example', 'pass', 'attack')).flagged).toBe(false);
    expect((await b.ingest('only-a@shared.example', 'pass', 'attack')).flagged).toBe(true);
  });

  it('a rule suppression cancels that rule for the sender (case-insensitive) and leaves the others', async () => {
    const w = await makeWorld();
    const c = await db.correction.create({
      data: { tenantId: w.tenant.id, scopeKind: 'rule_sender', scopeRuleId: 'subject_all_caps', scopeAddress: 'deals@shop.example', reason, createdBy: w.admin.user.id, status: 'active' },
    });
    const hit = await w.ingest('Deals@Shop.example', 'pass', 'spam');
    const miss = await w.ingest('other@shop.example', 'pass', 'spam');
    const attribution = async (id: string) => ((await db.messageAnalysis.findUniqueOrThrow({ where: { messageId: id } })).decision as Decision).attribution;
    const suppressed = (await attribution(hit.id)).filter((a) => a.kind === 'correction');
    expect(suppressed).toEqual([expect.objectContaining({ correctionId: String(c.id), effect: 'suppress_rule', contribution: -2 })]);
    expect((await attribution(hit.id)).some((a) => a.kind === 'rule' && a.ruleId === 'link_heavy')).toBe(true);
    expect((await attribution(miss.id)).some((a) => a.kind === 'correction')).toBe(false);
    expect(hit.score).toBeCloseTo(miss.score - 2, 6);
  });
});
