import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import type { CorrectionScope } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { requireTenant, type Ctx, type TenantRef } from '@/lib/server/auth';
import type { correctionDraft } from './input';
import { dedupeKeyOf, fieldError } from './policy';

export type PreparedDraft = {
  tenant: TenantRef;
  /** null when the correction applies to every tenant. */
  tenantId: string | null;
  scope: CorrectionScope;
  dedupeKey: string;
  originMessageId: string | null;
  originAddress: string | null;
};

/** Checks a parsed draft against the caller: tenant access, the admin-only all-tenant flag, the origin message. */
export async function prepareDraft(ctx: Ctx, draft: z.output<typeof correctionDraft>): Promise<PreparedDraft> {
  const tenant = await requireTenant(ctx, draft.tenant);
  if (draft.allTenants && ctx.user.role !== 'admin') throw fieldError('forbidden', 'allTenants', 'Only admins can file a correction for all tenants.');
  let originAddress: string | null = null;
  if (draft.originMessageId) {
    const origin = await db.message.findFirst({ where: { id: draft.originMessageId, tenantId: tenant.id }, select: { fromAddress: true } });
    // Another tenant's message id is treated like a missing one.
    if (!origin) throw new AppError('invalid_input', { userMessage: 'The originating message is not in this tenant.', issues: [{ path: 'originMessageId', message: 'Not a message of this tenant' }] });
    originAddress = origin.fromAddress;
  }
  const scope = draft.scope as CorrectionScope;
  const tenantId = draft.allTenants ? null : tenant.id;
  return { tenant, tenantId, scope, dedupeKey: dedupeKeyOf(tenantId, scope, draft.requireAuth), originMessageId: draft.originMessageId ?? null, originAddress };
}
