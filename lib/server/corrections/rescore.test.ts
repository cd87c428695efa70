import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Decision } from '@/lib/engine';
import { loadActiveCorrections } from './active';
import { approveCorrection } from './approve';
import { createCorrection } from './create';
import { getCorrection } from './get';
import { settleRescoreRuns } from './rescore';
import { revokeCorrection } from './revoke';
import { sweepExpiredCorrections } from './sweep';
import { makeWorld, stored, withCorrectionsDatabase } from './test-support';

// Re-score runs: when a correction starts applying, the tenant's stored messages in its scope
// are released; revocation and expiry score them back. Progress and counts are recorded.

withCorrectionsDatabase();

const reason = 'Partner newsletter the customer subscribed to';

describe('re-score runs', () => {
  it('a sender correction releases the stored messages in the background; revoking restores them', async () => {
    const w = await makeWorld();
    const a = await w.ingest('news@letters.example', 'pass', 'spam', 'ham');
    const b = await w.ingest('News@Letters.example', 'pass', 'spam', 'ham');
    const forged = await w.ingest('news@letters.example', 'fail', 'spam', 'spam');
    const other = await w.ingest('else@letters.example', 'pass', 'spam');
    const { correction, rescoreRunIds } = await createCorrection({
      ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'sender', address: 'news@letters.example' }, acknowledgedWarnings: ['dmarc_fail'] },
    });
    expect(rescoreRunIds).toHaveLength(1);
    await settleRescoreRuns();
    const run = await db.rescoreRun.findUniqueOrThrow({ where: { id: rescoreRunIds[0] } });
    expect(run).toMatchObject({ status: 'finished', total: 3, done: 3, released: 2, restored: 0, reason: 'applied' });
    expect(await stored(a.id)).toMatchObject({ verdict: 'safe', flagged: false });
    expect(await stored(b.id)).toMatchObject({ verdict: 'safe', flagged: false });
    expect((await stored(forged.id)).flagged).toBe(true);
    expect((await stored(other.id)).flagged).toBe(true);
    // The tenant history follows: two of the sender's three messages are no longer flagged, released by a correction.
    const senderStats = () => db.senderStats.findUniqueOrThrow({ where: { tenantId_address: { tenantId: w.tenant.id, address: 'news@letters.example' } } });
    expect(await senderStats()).toMatchObject({ messages: 3, flagged: 1, correctedSafe: 2 });
    const analysis = await db.messageAnalysis.findUniqueOrThrow({ where: { messageId: a.id } });
    expect((analysis.decision as Decision).attribution).toContainEqual(expect.objectContaining({ kind: 'correction', correctionId: String(correction.id), effect: 'allow' }));

    const revoked = await revokeCorrection({ ctx: w.support, input: { id: correction.id, version: correction.version, reason: 'subscription ended' } });
    await settleRescoreRuns();
    const back = await db.rescoreRun.findUniqueOrThrow({ where: { id: revoked.rescoreRunIds[0] } });
    expect(back).toMatchObject({ status: 'finished', released: 0, restored: 2, reason: 'revoked' });
    expect(await stored(a.id)).toMatchObject({ verdict: 'spam', flagged: true });
    expect(await senderStats()).toMatchObject({ messages: 3, flagged: 3, correctedSafe: 0 });
    expect(JSON.stringify((await db.messageAnalysis.findUniqueOrThrow({ where: { messageId: a.id } })).decision)).not.toContain('"kind":"correction"');
    const detail = await getCorrection({ ctx: w.support, input: { id: correction.id } });
    expect(detail.events.filter((e) => e.kind === 'rescore_finished').map((e) => [e.data.released, e.data.restored])).toEqual([[2, 0], [0, 2]]);
  });

  it('a domain correction releases nothing until approved, then releases subdomains too', async () => {
    const w = await makeWorld();
    const top = await w.ingest('a@group.example', 'pass', 'spam', 'ham');
    const sub = await w.ingest('b@eu.group.example', 'pass', 'spam', 'ham');
    const input = { tenant: w.tenant.slug, reason, scope: { kind: 'domain' as const, domain: 'group.example' } };
    const { correction, rescoreRunIds } = await createCorrection({ ctx: w.support, input });
    expect(rescoreRunIds).toEqual([]);
    expect((await stored(top.id)).flagged).toBe(true);
    const approved = await approveCorrection({ ctx: w.admin, input: { id: correction.id, version: correction.version } });
    await settleRescoreRuns();
    expect(await db.rescoreRun.findUniqueOrThrow({ where: { id: approved.rescoreRunIds[0] } })).toMatchObject({ released: 2, reason: 'approved' });
    expect((await stored(top.id)).flagged).toBe(false);
    expect((await stored(sub.id)).flagged).toBe(false);
  });

  it('the sweeper records expiry at the boundary and scores the messages back', async () => {
    const w = await makeWorld();
    const m = await w.ingest('alerts@monitor.example', 'pass', 'spam', 'ham');
    const { correction } = await createCorrection({
      ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'sender', address: 'alerts@monitor.example' }, expiry: { kind: 'days', days: 7 } },
    });
    await settleRescoreRuns();
    expect((await stored(m.id)).flagged).toBe(false);
    const expiresAt = correction.expiresAt!;
    const early = await sweepExpiredCorrections(new Date(expiresAt.getTime() - 1));
    expect(early.expired).not.toContain(correction.id);
    const due = await sweepExpiredCorrections(expiresAt);
    expect(due.expired).toContain(correction.id);
    expect((await sweepExpiredCorrections(new Date(expiresAt.getTime() + 1000))).expired).not.toContain(correction.id);
    await settleRescoreRuns();
    expect((await stored(m.id)).flagged).toBe(true);
    const detail = await getCorrection({ ctx: w.admin, input: { id: correction.id } });
    expect(detail).toMatchObject({ status: 'expired', expiredAt: expiresAt });
    expect(await loadActiveCorrections(w.tenant.id)).not.toContainEqual(expect.objectContaining({ id: String(correction.id) }));
    expect(detail.events.map((e) => e.kind)).toContain('expired');
    expect(detail.rescoreRuns[0]).toMatchObject({ reason: 'expired', status: 'finished', restored: 1 });
    const audit = await db.$queryRawUnsafe<{ action: string; actor_email: string }[]>(`SELECT action, actor_email FROM audit_log WHERE entity = 'correction' AND entity_id = $1 ORDER BY id`, String(correction.id));
    expect(audit.at(-1)).toEqual({ action: 'expire', actor_email: 'system:expiry' });
    // The same correction can be filed again once the old one expired.
    const again = await createCorrection({ ctx: w.support, input: { tenant: w.tenant.slug, reason, scope: { kind: 'sender', address: 'alerts@monitor.example' } } });
    expect(again.created).toBe(true);
  });
});
