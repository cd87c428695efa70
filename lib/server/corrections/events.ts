import 'server-only';
import type { Prisma } from '@/lib/db';
import { writeAudit } from '@/lib/server/audit/write';

export type Tx = Prisma.TransactionClient;

/** Timeline event kinds (correction_events.kind). */
export type EventKind =
  | 'created' | 'previewed' | 'approved' | 'rejected' | 'edited' | 'revoked' | 'expired'
  | 'rescore_started' | 'rescore_finished' | 'rescore_failed';

/**
 * Records one change to a correction: the timeline event and the audit row, in the caller's
 * transaction, so neither exists without the change itself. `auditAction` null = timeline only
 * (re-score progress is not a change to the correction).
 */
export async function recordChange(
  tx: Tx,
  change: { correctionId: number; tenantId: string | null; kind: EventKind; actorId: string | null; data?: Record<string, unknown>; auditAction?: string | null; actorEmail?: string },
): Promise<void> {
  await tx.correctionEvent.create({
    data: { correctionId: change.correctionId, kind: change.kind, actorId: change.actorId, data: (change.data ?? {}) as Prisma.InputJsonValue },
  });
  if (change.auditAction === null) return;
  await writeAudit(tx, {
    actorId: change.actorId,
    action: change.auditAction ?? change.kind,
    entity: 'correction',
    entityId: String(change.correctionId),
    tenantId: change.tenantId,
    data: change.data ?? {},
    ...(change.actorEmail ? { actorEmail: change.actorEmail } : {}),
  });
}
