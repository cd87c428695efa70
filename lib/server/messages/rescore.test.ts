import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { errorCode, makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { ingestMessage } from './ingest';
import { rescoreMessage } from './rescore';
import { ctxOf, readCorpusMessage, readManifest } from './test-support';

withTestDatabase();

async function flaggedMessage() {
  const tenant = await makeTenant();
  const admin = ctxOf(await makeUser({ role: 'admin' }));
  const support = ctxOf(await makeUser({ role: 'support', tenantIds: [tenant.id] }));
  for (const e of readManifest().filter((m) => m.label === 'phish').slice(0, 40)) {
    const stored = await ingestMessage({ ctx: admin, tenant: tenant.slug, raw: readCorpusMessage(e), recipient: e.recipient });
    if (stored.flagged) {
      const row = await db.message.findUniqueOrThrow({ where: { id: stored.id } });
      return { tenant, admin, support, row };
    }
  }
  throw new Error('no flagged phish in the first 40 corpus messages');
}

const allowSender = (tenantId: string, address: string, createdBy: string) =>
  db.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO corrections (tenant_id, scope_kind, scope_address, require_auth, auth_guard_reason, reason, status, created_by)
     VALUES ($1::uuid, 'sender', $2, false, 'test: phish never aligns', 'integration test allow', 'active', $3::uuid) RETURNING id`,
    tenantId, address, createdBy,
  );

describe('rescoreMessage', () => {
  it('reports no change and writes nothing when the published ruleset agrees with the stored decision', async () => {
    const { tenant, support, row } = await flaggedMessage();
    const result = await rescoreMessage({ ctx: support, input: { tenant: tenant.slug, id: row.id } });
    expect(result).toMatchObject({ changed: false, updated: false, contributions: [] });
    expect(result.after).toEqual(result.before);
    expect(await db.auditLog.count({ where: { entity: 'message', entityId: row.id } })).toBe(0);
  });

  it('applies an active correction: stored decision, counters and audit row change once', async () => {
    const { tenant, admin, support, row } = await flaggedMessage();
    const [correction] = await allowSender(tenant.id, row.fromAddress, admin.user.id);
    const sender = () => db.senderStats.findUniqueOrThrow({ where: { tenantId_address: { tenantId: tenant.id, address: row.fromAddress } } });
    const before = await sender();

    const result = await rescoreMessage({ ctx: support, input: { tenant: tenant.slug, id: row.id } });
    expect(result).toMatchObject({ changed: true, updated: true, appliedCorrections: [String(correction.id)] });
    expect(result.before.verdict).toBe(row.verdict);
    expect(result.after).toMatchObject({ verdict: 'safe', action: 'deliver', flagged: false });
    expect(result.contributions).toContainEqual(expect.objectContaining({ kind: 'correction', change: 'added', before: null }));

    const stored = await db.message.findUniqueOrThrow({ where: { id: row.id }, include: { analysis: true } });
    expect(stored).toMatchObject({ verdict: 'safe', flagged: false, action: 'deliver' });
    expect((stored.analysis!.decision as { verdict: string }).verdict).toBe('safe');
    const after = await sender();
    expect(after.flagged).toBe(before.flagged - 1);
    expect(after.correctedSafe).toBe(before.correctedSafe + 1);
    expect(await db.auditLog.count({ where: { entity: 'message', entityId: row.id, action: 'rescore' } })).toBe(1);

    // Again: nothing left to change.
    expect(await rescoreMessage({ ctx: support, input: { tenant: tenant.slug, id: row.id } })).toMatchObject({ changed: false, updated: false });
    expect((await sender()).flagged).toBe(after.flagged);
  });

  it('is tenant-scoped and validates the id', async () => {
    const { row, support } = await flaggedMessage();
    const other = await makeTenant();
    const stranger = ctxOf(await makeUser({ role: 'admin' }));
    expect(await errorCode(rescoreMessage({ ctx: stranger, input: { tenant: other.slug, id: row.id } }))).toBe('not_found');
    expect(await errorCode(rescoreMessage({ ctx: support, input: { tenant: other.slug, id: row.id } }))).toBe('not_found');
    await expect(rescoreMessage({ ctx: support, input: { tenant: 'x', id: 'nope' } })).rejects.toMatchObject({ name: 'ZodError' });
  });
});
