import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { errorCode, makeTenant, makeUser, uniqueId, withTestDatabase } from '@/lib/server/auth/test-support';
import { ctxOf } from '@/lib/server/messages/test-support';
import { listAuditLog } from './list';
import { listAuditInput } from './list-input';
import { verifyAuditLog } from './verify-log';
import { writeAudit } from './write';

// On the runner's shared database: rows are told apart by a unique actor label.

withTestDatabase();

describe('listAuditLog', () => {
  it('pages newest first with keyset cursors and keeps the filters', async () => {
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const tenant = await makeTenant();
    const actor = `system:list-${uniqueId()}`;
    for (let i = 0; i < 120; i++) {
      await db.$transaction((tx) => writeAudit(tx, { actorId: null, actorEmail: actor, action: i % 2 ? 'create' : 'revoke', entity: i % 3 ? 'token' : 'grant', entityId: `e${i}`, tenantId: i % 4 ? null : tenant.id, data: { i } }));
    }
    const first = await listAuditLog({ ctx: admin, input: { actor } });
    expect(first.rows.map((r) => r.entityId)).toEqual(Array.from({ length: 50 }, (_, k) => `e${119 - k}`));
    expect(first.newerAfter).toBeNull();
    const second = await listAuditLog({ ctx: admin, input: { actor, before: first.olderBefore! } });
    const third = await listAuditLog({ ctx: admin, input: { actor, before: second.olderBefore! } });
    expect(third.rows.map((r) => r.entityId)).toEqual(Array.from({ length: 20 }, (_, k) => `e${19 - k}`));
    expect(third.olderBefore).toBeNull();
    const back = await listAuditLog({ ctx: admin, input: { actor, after: third.newerAfter! } });
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));

    const filtered = await listAuditLog({ ctx: admin, input: { actor: actor.toUpperCase(), entity: 'grant', action: 'revoke', tenant: tenant.slug } });
    const expected = Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 === 0 && i % 4 === 0).reverse().map((i) => `e${i}`);
    expect(filtered.rows.map((r) => r.entityId)).toEqual(expected);
    expect(filtered.rows[0]).toMatchObject({ actor, tenant: tenant.slug, entity: 'grant', action: 'revoke', data: { i: Number(expected[0].slice(1)) } });

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditLog({ ctx: admin, input: { actor, from: today, to: today } })).rows).toHaveLength(50);
    expect((await listAuditLog({ ctx: admin, input: { actor, to: '2020-01-01' } })).rows).toHaveLength(0);
  }, 120_000);

  it('is for admins only and names bad filters', async () => {
    const support = ctxOf(await makeUser({ role: 'support' }));
    expect(await errorCode(listAuditLog({ ctx: support, input: {} }))).toBe('forbidden');
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    expect(await errorCode(listAuditLog({ ctx: admin, input: { tenant: 'no-such-tenant' } }))).toBe('invalid_input');
    const bad = listAuditInput.safeParse({ from: '2026-02-31', to: '2026-01-01', entity: 'nope', before: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort()).toEqual(['before: Not a row id.', 'entity: Pick one of the listed entities.', 'from: Not a real date.']);
    const reversed = listAuditInput.safeParse({ from: '2026-02-02', to: '2026-02-01' });
    expect(reversed.error!.issues).toEqual([expect.objectContaining({ path: ['to'], message: 'The end date is before the start date.' })]);
    expect(listAuditInput.parse({ entity: '', actor: '  ' })).toEqual({});
  });

  it('runs the chain check for admins only', async () => {
    const support = ctxOf(await makeUser({ role: 'support' }));
    expect(await errorCode(verifyAuditLog({ ctx: support }))).toBe('forbidden');
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    await db.$transaction((tx) => writeAudit(tx, { actorId: admin.user.id, action: 'create', entity: 'token', entityId: 'verify-log' }));
    expect(await verifyAuditLog({ ctx: admin })).toMatchObject({ intact: true, rows: expect.any(Number) });
  });
});
