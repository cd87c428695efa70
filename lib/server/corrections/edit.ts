import 'server-only';
import type { z } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { recordChange } from './events';
import { editCorrectionInput } from './input';
import { loadVisibleCorrection, staleVersion } from './load';
import { effectiveStatus, resolveExpiry } from './policy';
import { readSummary, type CorrectionSummary } from './summary';

/**
 * Changes a live correction's reason, ticket or expiry (admins, or the person who filed it), with
 * the same expiry rules as filing. The scope never changes: that is a different correction.
 */
export async function editCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof editCorrectionInput> }): Promise<CorrectionSummary> {
  authorize(ctx, areaRoles.corrections);
  const q = editCorrectionInput.parse(input);
  const now = new Date();
  const current = await loadVisibleCorrection(ctx, q.id);
  if (ctx.user.role !== 'admin' && (current.createdBy !== ctx.user.id || current.tenantId === null)) {
    throw new AppError('forbidden', { userMessage: 'Only admins or the person who filed it can edit a correction.' });
  }
  if (current.version !== q.version) throw staleVersion(q.id);
  const status = effectiveStatus(current, now);
  if (status !== 'pending' && status !== 'active') throw new AppError('conflict', { userMessage: `Correction #${q.id} is ${status} and can no longer be edited.` });

  const data: Prisma.CorrectionUpdateManyMutationInput = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (q.reason !== undefined && q.reason !== current.reason) {
    data.reason = q.reason;
    changes.reason = { from: current.reason, to: q.reason };
  }
  if (q.ticket !== undefined && (q.ticket || null) !== current.ticket) {
    data.ticket = q.ticket || null;
    changes.ticket = { from: current.ticket, to: q.ticket || null };
  }
  if (q.expiry !== undefined) {
    const expiresAt = resolveExpiry(q.expiry, ctx.user.role, now);
    if ((expiresAt?.getTime() ?? null) !== (current.expiresAt?.getTime() ?? null)) {
      data.expiresAt = expiresAt;
      changes.expiresAt = { from: current.expiresAt, to: expiresAt };
    }
  }
  if (Object.keys(changes).length === 0) return readSummary(q.id);

  await db.$transaction(async (tx) => {
    const updated = await tx.correction.updateMany({ where: { id: q.id, version: q.version }, data: { ...data, version: { increment: 1 }, updatedAt: now } });
    if (updated.count === 0) throw staleVersion(q.id);
    await recordChange(tx, { correctionId: q.id, tenantId: current.tenantId, kind: 'edited', actorId: ctx.user.id, data: { changes }, auditAction: 'edit' });
  });
  return readSummary(q.id);
}
