import 'server-only';
import { db, type Prisma } from '@/lib/db';
import type { CorrectionScope } from '@/lib/engine';
import { requireTenant, type Ctx } from '@/lib/server/auth';
import { describeScope, scopeFromColumns } from '@/lib/server/corrections/scope';

/** One correction as the hygiene views show it. */
export type HygieneCorrection = {
  id: number;
  /** Slug, or null for an all-tenant correction. */
  tenant: string | null;
  tenantId: string | null;
  scope: CorrectionScope;
  scopeText: string;
  status: string;
  requireAuth: boolean;
  expiresAt: Date | null;
  createdAt: Date;
  /** Email of the author, or null when the account no longer exists. */
  createdBy: string | null;
};

/** Where clause for "applies to this tenant": its own corrections and all-tenant ones. */
export async function tenantFilter(ctx: Ctx, slug: string | undefined): Promise<{ where: Prisma.CorrectionWhereInput; tenantId: string | null }> {
  if (!slug) return { where: {}, tenantId: null };
  const tenant = await requireTenant(ctx, slug);
  return { where: { OR: [{ tenantId: tenant.id }, { tenantId: null }] }, tenantId: tenant.id };
}

/** Approved and not expired at `now`: the same rule as lib/server/corrections/active.ts. */
export const activeAt = (now: Date): Prisma.CorrectionWhereInput => ({ status: 'active', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

export async function loadCorrections(where: Prisma.CorrectionWhereInput, orderBy: Prisma.CorrectionOrderByWithRelationInput = { id: 'asc' }): Promise<HygieneCorrection[]> {
  const rows = await db.correction.findMany({ where, orderBy, include: { tenant: { select: { slug: true } } } });
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdBy))] } }, select: { id: true, email: true } });
  const emailOf = new Map(authors.map((u) => [u.id, u.email]));
  return rows.map((r) => {
    const scope = scopeFromColumns({ scope_kind: r.scopeKind, scope_address: r.scopeAddress, scope_domain: r.scopeDomain, scope_rule_id: r.scopeRuleId, scope_fingerprint: r.scopeFingerprint });
    return {
      id: r.id, tenant: r.tenant?.slug ?? null, tenantId: r.tenantId, scope, scopeText: describeScope(scope), status: r.status,
      requireAuth: r.requireAuth, expiresAt: r.expiresAt, createdAt: r.createdAt, createdBy: emailOf.get(r.createdBy) ?? null,
    };
  });
}

/** jsonb containment pattern for "this decision carries an attribution from correction `id`". */
export const appliedPattern = (id: number) => JSON.stringify([{ kind: 'correction', correctionId: String(id) }]);
