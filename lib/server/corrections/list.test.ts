import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/tenants/[slug]/corrections/route';
import { db } from '@/lib/db';
import { insertToken } from '@/lib/server/tokens/insert';
import { approveCorrection } from './approve';
import { createCorrection } from './create';
import { exportCorrectionsCsv } from './export-csv';
import { listActiveCorrections } from './list-active';
import { listCorrections } from './list';
import { failure, makeWorld, withCorrectionsDatabase } from './test-support';

// The corrections table (filters, counts, visibility), its CSV export, and the active list the
// scoring pipeline reads over /api/v1 with a tenant's token.

withCorrectionsDatabase();

const reason = 'Supplier confirmed by account manager';

describe('listCorrections and exportCorrectionsCsv', () => {
  it('filters by tenant, status (incl. expired), scope, author, approver, dates and text, and counts per status', async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const mk = (scope: Record<string, string>, extra: Record<string, unknown> = {}, ctx = w.support) =>
      createCorrection({ ctx, input: { tenant: w.tenant.slug, reason, scope: scope as never, ...extra } });
    const sender = (await mk({ kind: 'sender', address: 'ap@supplier.example' }, { ticket: 'SUP-77' })).correction;
    const domain = (await mk({ kind: 'domain', domain: 'supplier.example' }, { acknowledgedWarnings: ['overlap'] })).correction;
    await approveCorrection({ ctx: w.admin, input: { id: domain.id, version: domain.version } });
    const pending = (await mk({ kind: 'rule_domain', ruleId: 'credential_lure', domain: 'pending.example' }, {}, w.engineer)).correction;
    const expired = (await mk({ kind: 'sender', address: 'old@supplier.example' }, { acknowledgedWarnings: ['overlap'] })).correction;
    await db.correction.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await createCorrection({ ctx: other.support, input: { tenant: other.tenant.slug, reason, scope: { kind: 'sender', address: 'hidden@other.example' } } });

    const list = (input: Record<string, unknown>, ctx = w.support) => listCorrections({ ctx, input: { tenant: w.tenant.slug, ...input } });
    const all = await list({});
    expect(all.items.map((c) => c.id)).toEqual([expired.id, pending.id, domain.id, sender.id]);
    expect(all.counts).toMatchObject({ active: 2, pending: 1, expired: 1, rejected: 0, revoked: 0, all: 4 });
    expect((await list({ status: 'expired' })).items.map((c) => c.id)).toEqual([expired.id]);
    expect((await list({ status: 'active' })).items.map((c) => c.id)).toEqual([domain.id, sender.id]);
    expect((await list({ scope: 'rule_domain' })).items.map((c) => c.id)).toEqual([pending.id]);
    expect((await list({ author: w.engineer.user.email })).items.map((c) => c.id)).toEqual([pending.id]);
    expect((await list({ approver: w.admin.user.email.toUpperCase() })).items.map((c) => c.id)).toEqual([domain.id]);
    expect((await list({ q: 'sup-77' })).items.map((c) => c.id)).toEqual([sender.id]);
    expect((await list({ q: `#${pending.id}` })).items.map((c) => c.id)).toEqual([pending.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ createdFrom: today, createdTo: today })).total).toBe(4);
    expect((await list({ createdTo: '2020-01-01' })).total).toBe(0);
    expect((await list({ page: 2, pageSize: 3 })).items.map((c) => c.id)).toEqual([sender.id]);
    // Other tenants' corrections are invisible to people without a grant, and their slug is a 404.
    expect((await listCorrections({ ctx: w.support, input: {} })).items.every((c) => c.tenant?.slug !== other.tenant.slug)).toBe(true);
    expect(await failure(listCorrections({ ctx: w.support, input: { tenant: other.tenant.slug } }))).toMatchObject({ code: 'not_found' });
    expect((await listCorrections({ ctx: w.admin, input: { q: 'hidden@other.example' } })).total).toBe(1);

    const { csv, filename } = await exportCorrectionsCsv({ ctx: w.support, input: { tenant: w.tenant.slug, status: 'active' } });
    expect(filename).toMatch(new RegExp(`^corrections-${w.tenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,tenant,status,scope_kind,scope,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([`#${domain.id}`, `#${sender.id}`]);
    expect(lines[1]).toContain(w.admin.user.email);
  });
});

describe('active corrections for the scoring pipeline', () => {
  function get(slug: string, headers: Record<string, string> = {}) {
    return GET(new Request(`http://localhost/api/v1/tenants/${slug}/corrections`, { headers }), { params: Promise.resolve({ slug }) });
  }

  it('answers a tenant token with that tenant’s active corrections in the engine shape; other tenants are 403', async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const { correction } = await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'sender', address: 'api@partner.example' } } });
    await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'domain', domain: 'pending-api.example' } } });
    const { token } = await insertToken(db, { tenantId: w.tenant.id, slug: w.tenant.slug, name: 'pipeline', createdBy: null });
    const ok = await get(w.tenant.slug, { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { tenant: string; corrections: unknown[] };
    expect(body.tenant).toBe(w.tenant.slug);
    expect(body.corrections).toEqual([{ id: String(correction.id), scope: { kind: 'sender', address: 'api@partner.example' }, requireAuth: true }]);
    expect((await get(other.tenant.slug, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await get('no-such-tenant-zz', { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await get(w.tenant.slug, { authorization: 'Bearer trg_unknown' })).status).toBe(401);
    expect((await get(w.tenant.slug, { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
    // (Without any Authorization header the route reads the session cookie, which needs Next's request scope.)
    // The session path: granted tenants only, others 404.
    expect((await listActiveCorrections({ ctx: w.support, tenant: w.tenant.slug })).corrections).toHaveLength(1);
    expect(await failure(listActiveCorrections({ ctx: other.support, tenant: w.tenant.slug }))).toMatchObject({ code: 'not_found' });
  });
});
