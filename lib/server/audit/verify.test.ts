import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db';
import { hashAuditRow } from './hash';
import { appendRows, resetLog, tamper, useAuditDatabase } from './test-support';
import { verifyAuditChain, type ChainReport } from './verify';

let client: PrismaClient;
let url: string;
let done: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const setup = await useAuditDatabase();
  ({ client, done } = setup);
  url = setup.database.url;
}, 120_000);
afterAll(() => done?.());
beforeEach(() => resetLog(client));

const ids = async () => (await client.auditLog.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((r) => r.id);
const broken = (report: ChainReport) => (report.intact ? null : report.broken);

describe('verifyAuditChain', () => {
  it('reports an intact chain, across batch boundaries', async () => {
    expect(await verifyAuditChain(client)).toMatchObject({ intact: true, rows: 0, tailHash: null });
    await appendRows(client, 10);
    const last = await client.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(await verifyAuditChain(client, { batchSize: 3 })).toMatchObject({ intact: true, rows: 10, tailHash: last.hash });
  });

  it('names an edited row (trigger disabled by a superuser, data changed, trigger re-enabled)', async () => {
    await appendRows(client, 6);
    const [, , third] = await ids();
    await tamper(client, `UPDATE audit_log SET data = jsonb_set(data, '{note}', '"harmless"') WHERE id = ${third}`);
    const report = await verifyAuditChain(client, { batchSize: 2 });
    expect(broken(report)).toMatchObject({ id: third.toString(), problem: 'content_edited', detail: expect.stringContaining(`row ${third} was changed after it was written`) });
    expect(report.rows).toBe(2);
  });

  it('names an edited actor, action or timestamp the same way', async () => {
    for (const change of [`actor_email = 'someone@else.test'`, `action = 'approve'`, `at = at + interval '1 second'`, `hash = repeat('a', 64)`]) {
      await resetLog(client);
      await appendRows(client, 3);
      const [, second] = await ids();
      await tamper(client, `UPDATE audit_log SET ${change} WHERE id = ${second}`);
      expect(broken(await verifyAuditChain(client)), change).toMatchObject({ id: second.toString(), problem: 'content_edited' });
    }
  });

  it('names the row after a deleted one', async () => {
    await appendRows(client, 5);
    const [, second, third] = await ids();
    await tamper(client, `DELETE FROM audit_log WHERE id = ${second}`);
    expect(broken(await verifyAuditChain(client))).toMatchObject({ id: third.toString(), problem: 'row_missing', detail: expect.stringContaining('no longer in the log') });
  });

  it('notices when the first row is deleted', async () => {
    await appendRows(client, 3);
    const [first, second] = await ids();
    await tamper(client, `DELETE FROM audit_log WHERE id = ${first}`);
    expect(broken(await verifyAuditChain(client))).toMatchObject({ id: second.toString(), problem: 'row_missing', detail: expect.stringContaining('the start of the log') });
  });

  it('names a forged prev_hash, whether or not the forger re-hashed the row', async () => {
    await appendRows(client, 5);
    const rows = await client.auditLog.findMany({ orderBy: { id: 'asc' } });
    const [, second, third, , fifth] = rows;
    // Forger points row 3 at the tail (every other hash is already some row's prev_hash, and the
    // unique index refuses a second claim) and recomputes its hash so the row looks consistent.
    const forged = hashAuditRow({ ...third, prevHash: fifth.hash });
    await tamper(client, `UPDATE audit_log SET prev_hash = '${fifth.hash}', hash = '${forged}' WHERE id = ${third.id}`);
    expect(broken(await verifyAuditChain(client))).toMatchObject({ id: third.id.toString(), problem: 'link_broken', detail: expect.stringContaining(`links to row ${fifth.id} instead of row ${second.id}`) });

    await resetLog(client);
    await appendRows(client, 3);
    const [, middle] = await ids();
    await tamper(client, `UPDATE audit_log SET prev_hash = repeat('b', 64) WHERE id = ${middle}`);
    expect(broken(await verifyAuditChain(client))).toMatchObject({ id: middle.toString(), problem: 'content_edited' });
  });

  it('names reordered rows (ids swapped)', async () => {
    await appendRows(client, 4);
    const [, second, third] = await ids();
    await tamper(client,
      `UPDATE audit_log SET id = -id WHERE id = ${second}`,
      `UPDATE audit_log SET id = ${second} WHERE id = ${third}`,
      `UPDATE audit_log SET id = ${third} WHERE id = -${second}`);
    expect(broken(await verifyAuditChain(client))).toMatchObject({ id: second.toString(), problem: 'content_edited' });
  });

  it('flags the successor of a row that was rewritten and re-hashed', async () => {
    await appendRows(client, 4);
    const rows = await client.auditLog.findMany({ orderBy: { id: 'asc' } });
    const second = rows[1];
    const rehashed = hashAuditRow({ ...second, action: 'approve' });
    await tamper(client, `UPDATE audit_log SET action = 'approve', hash = '${rehashed}' WHERE id = ${second.id}`);
    expect(broken(await verifyAuditChain(client))).toMatchObject({ id: rows[2].id.toString(), problem: 'row_missing' });
  });
});

describe('npm run audit:verify', () => {
  const run = (env: Record<string, string>) =>
    promisify(execFile)('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/audit-verify.ts'], { env: { ...process.env, ...env } })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

  it('prints "audit log intact: N rows" and exits 0, or names the first broken row and exits 1', async () => {
    await appendRows(client, 4);
    const intact = await run({ DATABASE_URL: url });
    expect(intact.stdout).toContain('audit log intact: 4 rows');
    expect(intact.code).toBe(0);

    const [, , third] = await ids();
    await tamper(client, `UPDATE audit_log SET entity_id = 'other' WHERE id = ${third}`);
    const failed = await run({ DATABASE_URL: url });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`audit log BROKEN at row ${third} (content_edited)`);
  }, 180_000);
});
