import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { loadVisibleCorrection, visibleTenantIds } from './load';
import { loadPeople, toCorrectionSummary, type CorrectionSummary, type Person } from './summary';

export const getCorrectionInput = z.object({ id: z.coerce.number().int().positive() });

export type CorrectionEventView = { id: string; kind: string; at: Date; actor: Person | null; data: Record<string, unknown> };

export type RescoreRunView = {
  id: string;
  tenant: string;
  reason: string;
  status: 'queued' | 'running' | 'finished' | 'failed';
  total: number;
  done: number;
  released: number;
  restored: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
};

export type CorrectionDetail = CorrectionSummary & { events: CorrectionEventView[]; rescoreRuns: RescoreRunView[] };

/** One correction with its full timeline (oldest first) and its re-score runs (newest first). */
export async function getCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof getCorrectionInput> }): Promise<CorrectionDetail> {
  authorize(ctx, areaRoles.corrections);
  const q = getCorrectionInput.parse(input);
  const row = await loadVisibleCorrection(ctx, q.id);
  // An all-tenant correction runs in every tenant; non-admins only see the runs of theirs.
  const visible = await visibleTenantIds(ctx);
  const [events, runs] = await Promise.all([
    db.correctionEvent.findMany({ where: { correctionId: q.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.rescoreRun.findMany({ where: { correctionId: q.id, ...(visible ? { tenantId: { in: visible } } : {}) }, orderBy: { createdAt: 'desc' }, include: { tenant: { select: { slug: true } } } }),
  ]);
  const people = await loadPeople([row.createdBy, row.decidedBy, row.revokedBy, ...events.map((e) => e.actorId)]);
  return {
    ...toCorrectionSummary(row, people),
    events: events.map((e) => ({
      id: e.id.toString(), kind: e.kind, at: e.at, actor: e.actorId ? (people.get(e.actorId) ?? { id: e.actorId, email: null, name: null }) : null,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    rescoreRuns: runs.map((r) => ({
      id: r.id, tenant: r.tenant.slug, reason: r.reason, status: r.status as RescoreRunView['status'], total: r.total, done: r.done, released: r.released,
      restored: r.restored, createdAt: r.createdAt, startedAt: r.startedAt, finishedAt: r.finishedAt, error: r.error,
    })),
  };
}

export const getRescoreRunInput = z.object({ id: z.uuid() });

/** One re-score run's progress, for polling (visible when its correction is). */
export async function getRescoreRun({ ctx, input }: { ctx: Ctx; input: z.input<typeof getRescoreRunInput> }): Promise<RescoreRunView> {
  authorize(ctx, areaRoles.corrections);
  const q = getRescoreRunInput.parse(input);
  const run = await db.rescoreRun.findUnique({ where: { id: q.id }, include: { tenant: { select: { slug: true } } } });
  if (!run) throw new AppError('not_found', { message: `rescore run ${q.id} not found` });
  await loadVisibleCorrection(ctx, run.correctionId);
  return {
    id: run.id, tenant: run.tenant.slug, reason: run.reason, status: run.status as RescoreRunView['status'], total: run.total, done: run.done,
    released: run.released, restored: run.restored, createdAt: run.createdAt, startedAt: run.startedAt, finishedAt: run.finishedAt, error: run.error,
  };
}
