import 'server-only';
import { db, type Prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { authorize, type Ctx } from '@/lib/server/auth';
import { listAuditInput, type ListAuditInput } from './list-input';

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  at: string;
  actorId: string | null;
  /** Email at the time of the change, or a system label such as `system:seed`. */
  actor: string | null;
  action: string;
  entity: string;
  entityId: string;
  tenant: string | null;
  data: unknown;
  hash: string;
};

export type AuditPage = {
  rows: AuditRow[];
  /** Cursor for the next older page, when there is one. */
  olderBefore: string | null;
  /** Cursor for the next newer page, when there is one. */
  newerAfter: string | null;
};

/** Admin: audit rows newest first, filtered, in keyset pages of 50 (by id, so it stays fast at millions of rows). */
export async function listAuditLog({ ctx, input }: { ctx: Ctx; input: ListAuditInput }): Promise<AuditPage> {
  authorize(ctx, ['admin']);
  const f = listAuditInput.parse(input);
  const where: Prisma.AuditLogWhereInput = {};
  if (f.entity) where.entity = f.entity;
  if (f.action) where.action = f.action.toLowerCase();
  if (f.actor) where.actorEmail = { contains: f.actor, mode: 'insensitive' };
  if (f.tenant) {
    const tenant = await db.tenant.findUnique({ where: { slug: f.tenant }, select: { id: true } });
    if (!tenant) throw new AppError('invalid_input', { userMessage: `There is no tenant "${f.tenant}".`, issues: [{ path: 'tenant', message: `There is no tenant "${f.tenant}".` }] });
    where.tenantId = tenant.id;
  }
  if (f.from || f.to) {
    // Whole UTC days, `to` inclusive.
    where.at = { ...(f.from && { gte: new Date(`${f.from}T00:00:00Z`) }), ...(f.to && { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) }) };
  }
  const forward = Boolean(f.after) && !f.before;
  const page = await db.auditLog.findMany({
    where: { ...where, ...(f.before ? { id: { lt: BigInt(f.before) } } : forward ? { id: { gt: BigInt(f.after!) } } : {}) },
    orderBy: { id: forward ? 'asc' : 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const more = page.length > AUDIT_PAGE_SIZE;
  const rows = page.slice(0, AUDIT_PAGE_SIZE);
  if (forward) rows.reverse();
  const tenants = await tenantSlugs(rows.map((r) => r.tenantId));
  const paged = f.before || f.after;
  return {
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actor: r.actorEmail,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      tenant: r.tenantId ? (tenants.get(r.tenantId) ?? r.tenantId) : null,
      data: r.data,
      hash: r.hash,
    })),
    olderBefore: rows.length && (forward ? true : more) ? rows[rows.length - 1].id.toString() : null,
    newerAfter: rows.length && paged && (forward ? more : true) ? rows[0].id.toString() : null,
  };
}

// No foreign key from audit_log (rows outlive tenants), so slugs are looked up; a deleted tenant shows its id.
async function tenantSlugs(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!unique.length) return new Map();
  const tenants = await db.tenant.findMany({ where: { id: { in: unique } }, select: { id: true, slug: true } });
  return new Map(tenants.map((t) => [t.id, t.slug]));
}
