import 'server-only';
import type { z } from 'zod';
import { db, Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { prismaDatabase } from '@/lib/server/messages/sql';
import { computePreview } from './compute-preview';
import { recordChange } from './events';
import { createCorrectionInput } from './input';
import { needsApproval, resolveExpiry } from './policy';
import { prepareDraft } from './prepare';
import { startRescoreRuns } from './rescore';
import { scopeToColumns } from './scope';
import { readSummary, type CorrectionSummary } from './summary';

export type CreateResult = { correction: CorrectionSummary; created: boolean; rescoreRunIds: string[] };

/**
 * Files a correction. The server recomputes the preview and refuses (422) while any guardrail
 * warning is unacknowledged. Sender- and message-scoped corrections are active at once (and the
 * tenant's affected messages are re-scored in the background); broader ones wait for an admin.
 * The same live correction filed twice returns the first one (`created: false`).
 */
export async function createCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof createCorrectionInput> }): Promise<CreateResult> {
  authorize(ctx, areaRoles.corrections);
  const draft = createCorrectionInput.parse(input);
  const now = new Date();
  const p = await prepareDraft(ctx, draft);
  const expiresAt = resolveExpiry(draft.expiry, ctx.user.role, now);

  // An identical live correction makes this request a repeat. One whose expiry passed before the
  // sweeper got to it no longer counts, so its key is released first.
  await db.correction.updateMany({ where: { dedupeKey: p.dedupeKey, expiresAt: { lte: now } }, data: { dedupeKey: null } });
  const existing = await findLive(p.dedupeKey);
  if (existing) return { correction: existing, created: false, rescoreRunIds: [] };

  const preview = await computePreview({
    sql: prismaDatabase(db).query, tenant: p.tenant, scope: p.scope, requireAuth: draft.requireAuth, allTenants: draft.allTenants,
    dedupeKey: p.dedupeKey, originAddress: p.originAddress, now,
  });
  const acknowledged = new Set(draft.acknowledgedWarnings);
  const unacknowledged = preview.warnings.filter((w) => !acknowledged.has(w.code));
  if (unacknowledged.length) {
    // An identical request that committed while this one previewed: answer with its correction
    // (the duplicate warning is about exactly that one), as the unique key would below.
    const winner = await findLive(p.dedupeKey);
    if (winner) return { correction: winner, created: false, rescoreRunIds: [] };
    throw new AppError('invalid_input', {
      userMessage: `Acknowledge ${unacknowledged.length === 1 ? 'this warning' : `these ${unacknowledged.length} warnings`} before saving: ${unacknowledged.map((w) => w.message).join(' ')}`,
      issues: unacknowledged.map((w) => ({ path: `acknowledgedWarnings.${w.code}`, message: w.message })),
    });
  }

  const status = needsApproval(p.scope, draft.allTenants) ? 'pending' : 'active';
  const figures = { scanned: preview.scanned, matched: preview.matched, released: preview.released, releasedMalicious: preview.releasedMalicious, guardSkipped: preview.guardSkipped, truncated: preview.truncated };
  let id: number;
  try {
    id = await db.$transaction(async (tx) => {
      const row = await tx.correction.create({
        data: {
          tenantId: p.tenantId, ...columnsOf(p.scope), requireAuth: draft.requireAuth, authGuardReason: draft.requireAuth ? null : (draft.authGuardReason ?? null),
          expiresAt, reason: draft.reason, ticket: draft.ticket || null, originMessageId: p.originMessageId, status, createdBy: ctx.user.id,
          createdAt: now, updatedAt: now, previewScanned: preview.scanned, previewReleased: preview.released, previewMalicious: preview.releasedMalicious,
          warnings: preview.warnings.map((w) => w.code), dedupeKey: p.dedupeKey,
        },
      });
      const data = { status, tenant: draft.allTenants ? null : p.tenant.slug, scope: p.scope, requireAuth: draft.requireAuth, expiresAt, reason: draft.reason, ticket: draft.ticket ?? null };
      await recordChange(tx, { correctionId: row.id, tenantId: p.tenantId, kind: 'created', actorId: ctx.user.id, data, auditAction: 'create' });
      await recordChange(tx, { correctionId: row.id, tenantId: p.tenantId, kind: 'previewed', actorId: ctx.user.id, data: { ...figures, warnings: preview.warnings.map((w) => w.code) }, auditAction: null });
      return row.id;
    });
  } catch (error) {
    // A concurrent identical request won the unique dedupe key: answer with its correction.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await findLive(p.dedupeKey);
      if (winner) return { correction: winner, created: false, rescoreRunIds: [] };
    }
    throw error;
  }
  const rescoreRunIds = status === 'active' ? await startRescoreRuns(id, 'applied') : [];
  return { correction: await readSummary(id), created: true, rescoreRunIds };
}

async function findLive(dedupeKey: string): Promise<CorrectionSummary | null> {
  const row = await db.correction.findUnique({ where: { dedupeKey }, select: { id: true } });
  return row ? readSummary(row.id) : null;
}

function columnsOf(scope: Parameters<typeof scopeToColumns>[0]) {
  const c = scopeToColumns(scope);
  return { scopeKind: c.scope_kind, scopeAddress: c.scope_address, scopeDomain: c.scope_domain, scopeRuleId: c.scope_rule_id, scopeFingerprint: c.scope_fingerprint };
}
