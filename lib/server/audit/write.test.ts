import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db';
import { GENESIS_HASH } from './hash';
import { appendRows, resetLog, useAuditDatabase } from './test-support';
import { verifyAuditChain } from './verify';
import { writeAudit } from './write';

let client: PrismaClient;
let done: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ client, done } = await useAuditDatabase());
}, 120_000);
afterAll(() => done?.());
beforeEach(() => resetLog(client));

const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => String(e instanceof Error ? e.message : e));

describe('audit_log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    await appendRows(client, 2);
    expect(await refusal(client.$executeRawUnsafe(`UPDATE audit_log SET action = 'forged'`))).toMatch(/audit_log is append-only: UPDATE refused/);
    expect(await refusal(client.$executeRawUnsafe('DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)'))).toMatch(/audit_log is append-only: DELETE refused/);
    expect(await refusal(client.$executeRawUnsafe('TRUNCATE audit_log'))).toMatch(/audit_log is append-only: TRUNCATE refused/);
    // Through Prisma's model API too, not just raw SQL.
    expect(await refusal(client.auditLog.deleteMany({}))).toMatch(/append-only/);
    expect(await client.auditLog.count()).toBe(2);
    expect(await verifyAuditChain(client)).toMatchObject({ intact: true, rows: 2 });
  });

  it('refuses a second row claiming the same predecessor (a fork)', async () => {
    await appendRows(client, 1);
    const first = await client.auditLog.findFirstOrThrow();
    const fork = client.$executeRawUnsafe(`INSERT INTO audit_log (action, entity, entity_id, prev_hash, hash) VALUES ('x', 'token', 'y', $1, 'h')`, first.prevHash);
    expect(await refusal(fork)).toMatch(/audit_log_prev_hash_key|Unique constraint/);
  });
});

describe('writeAudit', () => {
  it('chains rows from the genesis hash and snapshots the actor email', async () => {
    const [user] = await client.$queryRaw<{ id: string }[]>`
      INSERT INTO users (id, email, name, password_hash, role) VALUES (gen_random_uuid(), ${`audit-${Date.now()}@t.test`}, 'A', 'x', 'admin') RETURNING id::text AS id`;
    await client.$transaction((tx) => writeAudit(tx, { actorId: user.id, action: 'create', entity: 'grant', entityId: 'g1', data: { when: new Date(0), big: 12n } }));
    await appendRows(client, 1);
    const rows = await client.auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows[0]).toMatchObject({ actorId: user.id, actorEmail: expect.stringMatching(/^audit-\d+@t\.test$/), prevHash: GENESIS_HASH, data: { when: '1970-01-01T00:00:00.000Z', big: '12' } });
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]).toMatchObject({ actorId: null, actorEmail: 'system:test', prevHash: rows[0].hash });
  });

  it('leaves no row (only an id gap) when the caller rolls back', async () => {
    await appendRows(client, 1);
    const failed = client.$transaction(async (tx) => {
      await writeAudit(tx, { actorId: null, action: 'create', entity: 'token', entityId: 'gone' });
      throw new Error('caller failed');
    });
    await expect(failed).rejects.toThrow('caller failed');
    await appendRows(client, 1);
    const rows = await client.auditLog.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.entityId)).toEqual(['t0', 't0']);
    expect(rows[1].id - rows[0].id).toBe(2n);
    expect(await verifyAuditChain(client)).toMatchObject({ intact: true, rows: 2 });
  });

  it('refuses transactions that are not READ COMMITTED (their snapshot could miss the tail)', async () => {
    const attempt = client.$transaction((tx) => writeAudit(tx, { actorId: null, action: 'x', entity: 'token', entityId: 'y' }), { isolationLevel: 'RepeatableRead' });
    await expect(attempt).rejects.toThrow(/needs a READ COMMITTED transaction, got repeatable read/);
  });

  it('keeps one chain under concurrent writers', async () => {
    const writers = 24;
    await Promise.all(Array.from({ length: writers }, (_, i) =>
      client.$transaction(async (tx) => {
        // Work before and after the append widens the window in which an unserialised writer would fork.
        await tx.$executeRawUnsafe('SELECT pg_sleep(0.01)');
        await writeAudit(tx, { actorId: null, action: 'create', entity: 'token', entityId: `w${i}` });
        await tx.$executeRawUnsafe('SELECT pg_sleep(0.02)');
      }, { maxWait: 60_000, timeout: 60_000 })));
    const rows = await client.auditLog.findMany({ orderBy: { id: 'asc' }, select: { prevHash: true, hash: true, entityId: true } });
    expect(rows).toHaveLength(writers);
    expect(new Set(rows.map((r) => r.entityId)).size).toBe(writers);
    rows.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1].hash));
    expect(await verifyAuditChain(client)).toMatchObject({ intact: true, rows: writers });
  }, 60_000);
});
