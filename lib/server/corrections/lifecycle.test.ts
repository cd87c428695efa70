import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { approveCorrection } from './approve';
import { createCorrection } from './create';
import { editCorrection } from './edit';
import { getCorrection } from './get';
import { rejectCorrection } from './reject';
import { settleRescoreRuns } from './rescore';
import { revokeCorrection } from './revoke';
import { failure, makeWorld, withCorrectionsDatabase } from './test-support';

// Filing, approval and the rules around them: scope → pending or active, role rules, expiry,
// self-approval, optimistic concurrency, idempotent creation, and the timeline and audit rows.

withCorrectionsDatabase();

const reason = 'Vendor confirmed by phone, ticket attached';
let n = 0;
const addr = () => `user${++n}.${Date.now()}@vendor-${n}.example`;
const dom = () => `vendor-d${++n}-${Date.now()}.example`;

describe('createCorrection', () => {
  it('activates sender and message corrections at once; domain, rule and all-tenant ones wait', async () => {
    const w = await makeWorld();
    const make = (input: Record<string, unknown>, ctx = w.support) => createCorrection({ ctx, input: { tenant: w.tenant.slug, reason, ...input } as never });
    expect((await make({ scope: { kind: 'sender', address: addr() } })).correction.status).toBe('active');
    expect((await make({ scope: { kind: 'message', fingerprint: 'a'.repeat(64) } })).correction.status).toBe('active');
    expect((await make({ scope: { kind: 'domain', domain: dom() } })).correction.status).toBe('pending');
    expect((await make({ scope: { kind: 'rule_sender', ruleId: 'credential_lure', address: addr() } })).correction.status).toBe('pending');
    expect((await make({ scope: { kind: 'rule_domain', ruleId: 'credential_lure', domain: dom() } })).correction.status).toBe('pending');
    const global = await make({ scope: { kind: 'sender', address: addr() }, allTenants: true }, w.admin);
    expect(global.correction).toMatchObject({ status: 'pending', tenant: null });
  });

  it('keeps all-tenant and never-expiring corrections for admins and refuses past dates', async () => {
    const w = await makeWorld();
    const base = { tenant: w.tenant.slug, reason, scope: { kind: 'sender' as const, address: addr() } };
    expect(await failure(createCorrection({ ctx: w.support, input: { ...base, allTenants: true } }))).toMatchObject({ code: 'forbidden', issues: [{ path: 'allTenants' }] });
    expect(await failure(createCorrection({ ctx: w.engineer, input: { ...base, expiry: { kind: 'never' } } }))).toMatchObject({ code: 'forbidden', issues: [{ path: 'expiry' }] });
    expect(await failure(createCorrection({ ctx: w.support, input: { ...base, expiry: { kind: 'date', date: new Date(Date.now() - 60_000) } } }))).toMatchObject({ code: 'invalid_input', issues: [{ path: 'expiry.date' }] });
    const never = await createCorrection({ ctx: w.admin, input: { ...base, expiry: { kind: 'never' } } });
    expect(never.correction.expiresAt).toBeNull();
    const days = await createCorrection({ ctx: w.support, input: { ...base, scope: { kind: 'sender', address: addr() }, expiry: { kind: 'days', days: 7 } } });
    const ms = days.correction.expiresAt!.getTime() - days.correction.createdAt.getTime();
    expect(Math.abs(ms - 7 * 86_400_000)).toBeLessThan(1000);
    // Field validation answers with zod issues (422 at the route).
    const invalid = await failure(createCorrection({ ctx: w.support, input: { ...base, reason: 'short', requireAuth: false } }));
    expect(invalid).toMatchObject({ name: 'ZodError' });
  });

  it('refuses a tenant the caller was not granted as not found', async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    expect(await failure(createCorrection({ ctx: w.support, input: { tenant: other.tenant.slug, reason, scope: { kind: 'sender', address: addr() } } }))).toMatchObject({ code: 'not_found' });
  });

  it('creating the same correction twice makes one, also when the requests race', async () => {
    const w = await makeWorld();
    const input = { tenant: w.tenant.slug, reason, scope: { kind: 'sender' as const, address: addr() } };
    const first = await createCorrection({ ctx: w.support, input });
    const again = await createCorrection({ ctx: w.engineer, input: { ...input, scope: { kind: 'sender', address: input.scope.address.toUpperCase() } } });
    expect(again).toMatchObject({ created: false, correction: { id: first.correction.id } });
    const raced = await Promise.all([1, 2, 3].map(() => createCorrection({ ctx: w.support, input: { ...input, scope: { kind: 'domain', domain: 'race.example' } } })));
    expect(new Set(raced.map((r) => r.correction.id)).size).toBe(1);
    expect(raced.filter((r) => r.created)).toHaveLength(1);
    // Once revoked, the same correction can be filed again as a new one.
    await revokeCorrection({ ctx: w.support, input: { id: first.correction.id, version: first.correction.version, reason: 'not needed' } });
    expect((await createCorrection({ ctx: w.support, input })).created).toBe(true);
  });
});

describe('approve and reject', () => {
  async function pending() {
    const w = await makeWorld();
    const { correction } = await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'domain', domain: dom() } } });
    return { w, correction };
  }

  it('is for admins only, never one’s own, and records who and when', async () => {
    const { w, correction } = await pending();
    expect(await failure(approveCorrection({ ctx: w.engineer, input: { id: correction.id, version: 1 } }))).toMatchObject({ code: 'forbidden' });
    const own = await createCorrection({ ctx: w.admin, input: { tenant: w.tenant.slug, reason, scope: { kind: 'domain', domain: dom() } } });
    expect(await failure(approveCorrection({ ctx: w.admin, input: { id: own.correction.id, version: 1 } }))).toMatchObject({ code: 'forbidden', message: expect.stringContaining('own') });
    const approved = await approveCorrection({ ctx: w.admin, input: { id: correction.id, version: 1, comment: 'checked the contract' } });
    expect(approved.correction).toMatchObject({ status: 'active', version: 2, decidedBy: { id: w.admin.user.id }, decisionComment: 'checked the contract' });
    expect(approved.rescoreRunIds).toHaveLength(1);
    // Deciding twice is a conflict, not a second approval.
    expect(await failure(approveCorrection({ ctx: w.admin2, input: { id: correction.id, version: 2 } }))).toMatchObject({ code: 'conflict' });
    const rejected = await pending();
    expect(await failure(rejectCorrection({ ctx: rejected.w.admin, input: { id: rejected.correction.id, version: 1 } }))).toMatchObject({ code: 'invalid_input', issues: [{ path: 'comment' }] });
    const done = await rejectCorrection({ ctx: rejected.w.admin, input: { id: rejected.correction.id, version: 1, comment: 'too broad' } });
    expect(done.correction.status).toBe('rejected');
  });

  it('refuses a stale version with "changed by someone else" and never overwrites', async () => {
    const { w, correction } = await pending();
    await editCorrection({ ctx: w.support, input: { id: correction.id, version: 1, ticket: 'SUP-1' } });
    const stale = await failure(approveCorrection({ ctx: w.admin, input: { id: correction.id, version: 1 } }));
    expect(stale).toMatchObject({ code: 'conflict', message: expect.stringContaining('changed by someone else') });
    expect(await failure(editCorrection({ ctx: w.support, input: { id: correction.id, version: 1, ticket: 'SUP-2' } }))).toMatchObject({ code: 'conflict' });
    expect((await db.correction.findUniqueOrThrow({ where: { id: correction.id } })).ticket).toBe('SUP-1');
    // Two admins deciding at the same moment: exactly one wins.
    const results = await Promise.allSettled([
      approveCorrection({ ctx: w.admin, input: { id: correction.id, version: 2 } }),
      rejectCorrection({ ctx: w.admin2, input: { id: correction.id, version: 2, comment: 'no' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('revoke, edit and the timeline', () => {
  it('records every change as a timeline event and an audit row in the same transaction', async () => {
    const w = await makeWorld();
    const { correction } = await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, ticket: 'SUP-9', scope: { kind: 'domain', domain: dom() } } });
    await editCorrection({ ctx: w.support, input: { id: correction.id, version: 1, reason: 'Vendor confirmed in writing this time', expiry: { kind: 'days', days: 90 } } });
    await approveCorrection({ ctx: w.admin, input: { id: correction.id, version: 2 } });
    // The approval's background re-score finishes before the revoke, so the timeline order is fixed.
    await settleRescoreRuns();
    expect(await failure(revokeCorrection({ ctx: w.engineer, input: { id: correction.id, version: 3, reason: 'not mine' } }))).toMatchObject({ code: 'forbidden' });
    await revokeCorrection({ ctx: w.admin, input: { id: correction.id, version: 3, reason: 'vendor compromised' } });
    await settleRescoreRuns();
    const detail = await getCorrection({ ctx: w.support, input: { id: correction.id } });
    expect(detail.status).toBe('revoked');
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'previewed', 'edited', 'approved', 'rescore_started', 'rescore_finished', 'revoked', 'rescore_started', 'rescore_finished']);
    expect(detail.events.find((e) => e.kind === 'edited')!.data).toMatchObject({ changes: { reason: { to: 'Vendor confirmed in writing this time' } } });
    expect(detail.rescoreRuns.map((r) => r.reason).sort()).toEqual(['approved', 'revoked']);
    const audit = await db.$queryRawUnsafe<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity = 'correction' AND entity_id = $1 ORDER BY id`, String(correction.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'edit', 'approve', 'revoke']);
    expect(await failure(editCorrection({ ctx: w.admin, input: { id: correction.id, version: detail.version, ticket: 'x' } }))).toMatchObject({ code: 'conflict' });
    // Another tenant's users cannot see it.
    const stranger = await makeWorld();
    expect(await failure(getCorrection({ ctx: stranger.support, input: { id: correction.id } }))).toMatchObject({ code: 'not_found' });
  });
});
