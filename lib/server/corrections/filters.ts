import 'server-only';
import type { z } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { requireTenant, type Ctx } from '@/lib/server/auth';
import type { correctionFilters } from './input';
import { visibleTenantIds } from './load';

type Filters = z.output<typeof correctionFilters>;
type Where = Prisma.CorrectionWhereInput;

const DAY_MS = 86_400_000;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Prisma filter for the corrections table, counts and CSV: the caller's visibility first
 * (granted tenants plus all-tenant corrections; admins everything), then the filters. Status is
 * left out so counts per status can reuse it; `statusWhere` adds it.
 */
export async function buildCorrectionWhere(ctx: Ctx, f: Filters): Promise<Where> {
  const and: Where[] = [];
  const visible = await visibleTenantIds(ctx);
  if (visible) and.push({ OR: [{ tenantId: null }, { tenantId: { in: visible } }] });
  if (f.tenant === '*') and.push({ tenantId: null });
  else if (f.tenant) {
    // A tenant's view includes the all-tenant corrections that apply to it.
    const tenant = await requireTenant(ctx, f.tenant);
    and.push({ OR: [{ tenantId: tenant.id }, { tenantId: null }] });
  }
  if (f.scope) and.push({ scopeKind: f.scope });
  if (f.author) and.push({ createdBy: { in: await matchPeople(f.author) } });
  if (f.approver) and.push({ decidedBy: { in: await matchPeople(f.approver) } });
  if (f.createdFrom) and.push({ createdAt: { gte: f.createdFrom } });
  if (f.createdTo) and.push({ createdAt: { lt: endOf(f.createdTo) } });
  if (f.expiresFrom) and.push({ expiresAt: { gte: f.expiresFrom } });
  if (f.expiresTo) and.push({ expiresAt: { lt: endOf(f.expiresTo) } });
  if (f.q) and.push(textWhere(f.q));
  return { AND: and };
}

/** The stored columns behind each effective status ("expired" is derived from expires_at). */
export function statusWhere(status: 'pending' | 'active' | 'rejected' | 'revoked' | 'expired', now: Date): Where {
  if (status === 'rejected' || status === 'revoked') return { status };
  if (status === 'expired') return { status: { in: ['pending', 'active'] }, OR: [{ expiresAt: { lte: now } }, { expiredAt: { not: null } }] };
  return { status, expiredAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

// A date without a time (midnight UTC) as an upper bound means "through that day".
function endOf(d: Date): Date {
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
  return midnight ? new Date(d.getTime() + DAY_MS) : d;
}

/** Users by id, or by a case-insensitive fragment of their email or name. */
async function matchPeople(term: string): Promise<string[]> {
  if (uuidShape.test(term)) return [term.toLowerCase()];
  const users = await db.user.findMany({
    where: { OR: [{ email: { contains: term, mode: 'insensitive' } }, { name: { contains: term, mode: 'insensitive' } }] },
    select: { id: true },
    take: 500,
  });
  return users.map((u) => u.id);
}

function textWhere(q: string): Where {
  const or: Where[] = [
    { reason: { contains: q, mode: 'insensitive' } },
    { ticket: { contains: q, mode: 'insensitive' } },
    { scopeAddress: { contains: q, mode: 'insensitive' } },
    { scopeDomain: { contains: q, mode: 'insensitive' } },
    { scopeRuleId: { contains: q, mode: 'insensitive' } },
    { scopeFingerprint: { startsWith: q.toLowerCase() } },
  ];
  const number = /^#?(\d{1,9})$/.exec(q);
  if (number) or.push({ id: Number(number[1]) });
  return { OR: or };
}
