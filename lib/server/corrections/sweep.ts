import 'server-only';
import { db } from '@/lib/db';
import { recordChange } from './events';
import { isRunLocal, scheduleRun, startRescoreRuns } from './rescore';

// Expiry is derived (scoring stops honouring a correction at expires_at by itself, see
// active.ts); the sweeper makes it visible: an 'expired' event and audit row, the dedupe key
// released, and a re-score run so the messages it released are scored back. It also resumes
// re-score runs that a previous process left unfinished.

/**
 * Runs not known to this process are taken over when queued for a minute or running for 30
 * (a run covers one scope's messages and takes seconds; the server is one process, so these are
 * runs a restart cut short).
 */
const QUEUED_STALE_MS = 60_000;
const RUNNING_STALE_MS = 30 * 60_000;

export type SweepResult = { expired: number[]; rescoreRunIds: string[]; resumedRunIds: string[] };

/** Records expiry of every live correction whose expires_at is at or before `now`; starts their re-score runs. */
export async function sweepExpiredCorrections(now: Date = new Date()): Promise<SweepResult> {
  const due = await db.correction.findMany({
    where: { status: { in: ['pending', 'active'] }, expiresAt: { lte: now }, expiredAt: null },
    select: { id: true, tenantId: true, status: true, expiresAt: true },
    orderBy: { id: 'asc' },
  });
  const result: SweepResult = { expired: [], rescoreRunIds: [], resumedRunIds: [] };
  for (const c of due) {
    const marked = await db.$transaction(async (tx) => {
      // Conditional: a second sweeper (another process) marking the same row gets count 0.
      const updated = await tx.correction.updateMany({ where: { id: c.id, expiredAt: null }, data: { expiredAt: now, dedupeKey: null, version: { increment: 1 }, updatedAt: now } });
      if (updated.count === 0) return false;
      await recordChange(tx, { correctionId: c.id, tenantId: c.tenantId, kind: 'expired', actorId: null, actorEmail: 'system:expiry', data: { expiresAt: c.expiresAt, was: c.status }, auditAction: 'expire' });
      return true;
    });
    if (!marked) continue;
    result.expired.push(c.id);
    if (c.status === 'active') result.rescoreRunIds.push(...(await startRescoreRuns(c.id, 'expired')));
  }
  result.resumedRunIds = await resumeStaleRuns(now);
  return result;
}

async function resumeStaleRuns(now: Date): Promise<string[]> {
  const stale = await db.rescoreRun.findMany({
    where: {
      OR: [
        { status: 'queued', createdAt: { lt: new Date(now.getTime() - QUEUED_STALE_MS) } },
        { status: 'running', startedAt: { lt: new Date(now.getTime() - RUNNING_STALE_MS) } },
      ],
    },
    select: { id: true, tenantId: true },
  });
  const resumed: string[] = [];
  for (const run of stale) {
    if (isRunLocal(run.id)) continue;
    scheduleRun(run.id, run.tenantId);
    resumed.push(run.id);
  }
  return resumed;
}
