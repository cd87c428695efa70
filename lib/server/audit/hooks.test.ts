import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { seedDatabase } from '@/lib/db/seed';
import { makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { ctxOf } from '@/lib/server/messages/test-support';
import { createIngestToken } from '@/lib/server/tokens/create';
import { insertToken } from '@/lib/server/tokens/insert';
import { revokeIngestToken } from '@/lib/server/tokens/revoke';
import { useAuditDatabase } from './test-support';
import { verifyAuditChain } from './verify';

// Token changes audited through the app's db (the runner's shared database, so rows are found
// by entity id); the seed on a database of its own, whose whole log it can count.

withTestDatabase();

const auditOf = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { id: 'asc' } });

describe('token changes write audit rows', () => {
  it('audits creation and the first revocation with the actor, never the secret', async () => {
    const tenant = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const created = await createIngestToken({ ctx: admin, input: { tenant: tenant.slug, name: 'relay' } });
    await revokeIngestToken({ ctx: admin, input: { tenant: tenant.slug, id: created.id } });
    await revokeIngestToken({ ctx: admin, input: { tenant: tenant.slug, id: created.id } });
    const rows = await auditOf(created.id);
    expect(rows).toEqual([
      expect.objectContaining({ action: 'create', entity: 'token', actorId: admin.user.id, actorEmail: admin.user.email, tenantId: tenant.id, data: { name: 'relay', tenant: tenant.slug } }),
      expect.objectContaining({ action: 'revoke', entity: 'token', actorId: admin.user.id, tenantId: tenant.id }),
    ]);
    const { tokenHash } = await db.ingestToken.findUniqueOrThrow({ where: { id: created.id } });
    const text = JSON.stringify(rows.map(({ id, ...r }) => ({ id: id.toString(), ...r })));
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(tokenHash);
  });

  it('audits `npm run token` (no session) as system:cli', async () => {
    const tenant = await makeTenant();
    const created = await insertToken(db, { tenantId: tenant.id, slug: tenant.slug, name: 'cli', createdBy: null });
    expect(await auditOf(created.id)).toEqual([expect.objectContaining({ action: 'create', actorId: null, actorEmail: 'system:cli' })]);
  });
});

describe('seeding users and grants writes audit rows', () => {
  it('audits each created account and grant once, as system:seed, on a valid chain', async () => {
    const { database, client, done: drop } = await useAuditDatabase();
    try {
      await seedDatabase(database.url, { corpus: false, production: false });
      const rows = await client.auditLog.findMany({ orderBy: { id: 'asc' } });
      expect(rows.filter((r) => r.entity === 'user').map((r) => (r.data as { email: string }).email).sort()).toEqual(['admin@triage.test', 'engineer@triage.test', 'support@triage.test']);
      expect(rows.filter((r) => r.entity === 'grant')).toHaveLength(5);
      expect(rows.every((r) => r.actorId === null && r.actorEmail === 'system:seed')).toBe(true);

      await seedDatabase(database.url, { corpus: false, production: false });
      expect(await client.auditLog.count()).toBe(rows.length);
      expect(await verifyAuditChain(client)).toMatchObject({ intact: true, rows: 8 });
    } finally {
      await drop();
    }
  }, 60_000);
});
