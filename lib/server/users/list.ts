import 'server-only';
import { db } from '@/lib/db';
import { authorize, type Ctx, type Role } from '@/lib/server/auth';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Granted tenant slugs; admins see every tenant without grants. */
  tenants: string[] | 'all';
  /** Newest session still on record (sessions are deleted on sign-out and expiry). */
  lastSignInAt: string | null;
  createdAt: string;
};

/** Every user with grants and last sign-in. Admins only. */
export async function listUsers({ ctx }: { ctx: Ctx }): Promise<UserRow[]> {
  authorize(ctx, ['admin']);
  const users = await db.user.findMany({
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      grants: { select: { tenant: { select: { slug: true } } }, orderBy: { tenant: { slug: 'asc' } } },
      sessions: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    tenants: u.role === 'admin' ? 'all' : u.grants.map((g) => g.tenant.slug),
    lastSignInAt: u.sessions[0]?.createdAt.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}
