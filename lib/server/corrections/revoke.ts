import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { recordChange } from './events';
import { revokeCorrectionInput } from './input';
import { loadVisibleCorrection, staleVersion } from './load';
import { effectiveStatus } from './policy';
import { startRescoreRuns } from './rescore';
import { readSummary, type CorrectionSummary } from './summary';

/**
 * Ends a pending or active correction (admins, or the person who filed it). An active one stops
 * applying at once and its released messages are re-scored back in the background.
 */
export async function revokeCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeCorrectionInput> }): Promise<{ correction: CorrectionSummary; rescoreRunIds: string[] }> {
  authorize(ctx, areaRoles.corrections);
  const q = revokeCorrectionInput.parse(input);
  const now = new Date();
  const current = await loadVisibleCorrection(ctx, q.id);
  if (ctx.user.role !== 'admin' && current.createdBy !== ctx.user.id) throw new AppError('forbidden', { userMessage: 'Only admins or the person who filed it can revoke a correction.' });
  if (current.version !== q.version) throw staleVersion(q.id);
  const status = effectiveStatus(current, now);
  if (status !== 'pending' && status !== 'active') throw new AppError('conflict', { userMessage: `Correction #${q.id} is already ${status}.` });

  await db.$transaction(async (tx) => {
    const updated = await tx.correction.updateMany({
      where: { id: q.id, version: q.version, status: { in: ['pending', 'active'] } },
      data: { status: 'revoked', revokedBy: ctx.user.id, revokedAt: now, revokeReason: q.reason, dedupeKey: null, version: { increment: 1 }, updatedAt: now },
    });
    if (updated.count === 0) throw staleVersion(q.id);
    await recordChange(tx, { correctionId: q.id, tenantId: current.tenantId, kind: 'revoked', actorId: ctx.user.id, data: { reason: q.reason, was: status }, auditAction: 'revoke' });
  });
  const rescoreRunIds = status === 'active' ? await startRescoreRuns(q.id, 'revoked') : [];
  return { correction: await readSummary(q.id), rescoreRunIds };
}
