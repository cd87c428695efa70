import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { errorCode, makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { ctxOf } from '@/lib/server/messages/test-support';
import { createIngestToken } from './create';
import { listIngestTokens } from './list';
import { revokeIngestToken } from './revoke';
import { hashToken } from './token-secret';
import { verifyIngestToken } from './verify';

withTestDatabase();

describe('ingest tokens', () => {
  it('issues trg_ tokens stored only as hashes; admins list and revoke them', async () => {
    const tenant = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const created = await createIngestToken({ ctx: admin, input: { tenant: tenant.slug, name: 'mail gateway' } });
    expect(created.token).toMatch(/^trg_[A-Za-z0-9_-]{43}$/);
    const row = await db.ingestToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await verifyIngestToken(created.token)).toMatchObject({ tenantId: tenant.id, tenantSlug: tenant.slug });

    const listed = await listIngestTokens({ ctx: admin, input: { tenant: tenant.slug } });
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: 'mail gateway', revokedAt: null, createdBy: admin.user.email })]);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    await revokeIngestToken({ ctx: admin, input: { tenant: tenant.slug, id: created.id } });
    expect(await errorCode(verifyIngestToken(created.token))).toBe('unauthenticated');
    const other = await makeTenant();
    expect(await errorCode(revokeIngestToken({ ctx: admin, input: { tenant: other.slug, id: created.id } }))).toBe('not_found');
  });

  it('refuses non-admins', async () => {
    const tenant = await makeTenant();
    const engineer = ctxOf(await makeUser({ role: 'engineer', tenantIds: [tenant.id] }));
    expect(await errorCode(createIngestToken({ ctx: engineer, input: { tenant: tenant.slug, name: 'x' } }))).toBe('forbidden');
    expect(await errorCode(listIngestTokens({ ctx: engineer, input: { tenant: tenant.slug } }))).toBe('forbidden');
  });
});
