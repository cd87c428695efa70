import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { buildCorrectionWhere, statusWhere } from './filters';
import { CORRECTION_STATUSES, listCorrectionsInput, type CorrectionStatus } from './input';
import { summarize, type CorrectionSummary } from './summary';

export type CorrectionList = {
  items: CorrectionSummary[];
  /** Per effective status, under the same filters except status itself. */
  counts: Record<CorrectionStatus, number> & { all: number };
  /** Rows matching every filter (status included). */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** The corrections the caller may see, newest first, filtered, counted and paged (offset: the table is small). */
export async function listCorrections({ ctx, input }: { ctx: Ctx; input: z.input<typeof listCorrectionsInput> }): Promise<CorrectionList> {
  authorize(ctx, areaRoles.corrections);
  const q = listCorrectionsInput.parse(input);
  const now = new Date();
  const base = await buildCorrectionWhere(ctx, q);
  const where = q.status ? { AND: [base, statusWhere(q.status, now)] } : base;
  const [rows, total, ...perStatus] = await Promise.all([
    db.correction.findMany({ where, orderBy: { id: 'desc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: { tenant: { select: { slug: true, name: true } } } }),
    db.correction.count({ where }),
    ...CORRECTION_STATUSES.map((s) => db.correction.count({ where: { AND: [base, statusWhere(s, now)] } })),
  ]);
  const counts = Object.fromEntries(CORRECTION_STATUSES.map((s, i) => [s, perStatus[i]])) as Record<CorrectionStatus, number>;
  return {
    items: await summarize(rows, now),
    counts: { ...counts, all: perStatus.reduce((a, b) => a + b, 0) },
    total,
    page: q.page,
    pageSize: q.pageSize,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
  };
}
