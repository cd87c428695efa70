import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Decision, SignalSet } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';

export const getMessageInput = z.object({ tenant: z.string().min(1), id: z.uuid(), includeRaw: z.boolean().default(false) });

/** One stored message: list columns, the analysis (signals with evidence, decision with attribution) and, on request, the raw bytes. */
export async function getMessage({ ctx, input }: { ctx: Ctx; input: z.input<typeof getMessageInput> }) {
  authorize(ctx, areaRoles.messages);
  const q = getMessageInput.parse(input);
  const tenant = await requireTenant(ctx, q.tenant);
  const row = await db.message.findFirst({
    where: { id: q.id, tenantId: tenant.id },
    include: {
      analysis: { select: { signals: true, decision: true, layoutKey: true } },
      raw: q.includeRaw ? { select: { raw: true } } : false,
    },
  });
  // Another tenant's id is indistinguishable from a missing one.
  if (!row) throw new AppError('not_found', { message: `message ${q.id} not in tenant ${tenant.slug}` });
  const { analysis, raw, ...summary } = row;
  return {
    ...summary,
    tenant: tenant.slug,
    signals: (analysis?.signals ?? null) as SignalSet | null,
    decision: (analysis?.decision ?? null) as Decision | null,
    layoutKey: analysis?.layoutKey ?? null,
    raw: raw ? new Uint8Array(raw.raw) : null,
  };
}

export type MessageDetail = Awaited<ReturnType<typeof getMessage>>;
