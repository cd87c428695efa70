import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { computePreview, type PreviewResult } from './compute-preview';
import { correctionDraft } from './input';
import { prepareDraft } from './prepare';

export type { PreviewResult, PreviewSample } from './compute-preview';
export type { GuardrailWarning } from './guardrails';

/**
 * What a draft correction would do if saved now: messages released (and how many of them are
 * malicious) replayed over the tenant's stored history, guardrail warnings to acknowledge, and
 * whether it waits for an admin. Read-only.
 */
export async function previewCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof correctionDraft> }): Promise<PreviewResult> {
  authorize(ctx, areaRoles.corrections);
  const draft = correctionDraft.parse(input);
  const p = await prepareDraft(ctx, draft);
  return computePreview({
    sql: prismaDatabase(db).query, tenant: p.tenant, scope: p.scope, requireAuth: draft.requireAuth, allTenants: draft.allTenants,
    dedupeKey: p.dedupeKey, originAddress: p.originAddress, now: new Date(),
  });
}
