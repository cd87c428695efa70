import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { authorize, type Ctx } from '@/lib/server/auth';
import { recordChange } from './events';
import { decideCorrectionInput } from './input';
import { loadVisibleCorrection, staleVersion } from './load';
import { effectiveStatus, fieldError } from './policy';
import { startRescoreRuns } from './rescore';
import { readSummary, type CorrectionSummary } from './summary';

export type DecideResult = { correction: CorrectionSummary; rescoreRunIds: string[] };

/**
 * Approves or rejects a pending correction. Admins only, never one's own; the caller names the
 * version they saw, and a stale one is a 409 rather than a silent overwrite.
 */
export async function decideCorrection(ctx: Ctx, input: z.input<typeof decideCorrectionInput>, outcome: 'approved' | 'rejected'): Promise<DecideResult> {
  authorize(ctx, ['admin']);
  const q = decideCorrectionInput.parse(input);
  if (outcome === 'rejected' && !q.comment) throw fieldError('invalid_input', 'comment', 'Say why you reject it.');
  const now = new Date();
  const current = await loadVisibleCorrection(ctx, q.id);
  if (current.createdBy === ctx.user.id) throw new AppError('forbidden', { userMessage: 'Nobody approves or rejects their own correction: ask another admin.' });
  if (current.version !== q.version) throw staleVersion(q.id);
  const status = effectiveStatus(current, now);
  if (status !== 'pending') throw new AppError('conflict', { userMessage: `Correction #${q.id} is ${status}, not waiting for a decision.` });

  await db.$transaction(async (tx) => {
    const updated = await tx.correction.updateMany({
      where: { id: q.id, version: q.version, status: 'pending' },
      data: {
        status: outcome === 'approved' ? 'active' : 'rejected', decidedBy: ctx.user.id, decidedAt: now, decisionComment: q.comment ?? null,
        version: { increment: 1 }, updatedAt: now, ...(outcome === 'rejected' ? { dedupeKey: null } : {}),
      },
    });
    // Someone changed it between our read and this write.
    if (updated.count === 0) throw staleVersion(q.id);
    await recordChange(tx, { correctionId: q.id, tenantId: current.tenantId, kind: outcome, actorId: ctx.user.id, data: { comment: q.comment ?? null }, auditAction: outcome === 'approved' ? 'approve' : 'reject' });
  });
  const rescoreRunIds = outcome === 'approved' ? await startRescoreRuns(q.id, 'approved') : [];
  return { correction: await readSummary(q.id), rescoreRunIds };
}
