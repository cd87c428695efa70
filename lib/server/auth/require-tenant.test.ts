import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { listTenants } from '@/lib/server/tenants/list';
import { listUsers } from '@/lib/server/users/list';
import { authorize, canUse, type Ctx } from './context';
import { requireTenant } from './require-tenant';
import { errorCode, makeTenant, makeUser, withTestDatabase } from './test-support';

withTestDatabase();

function ctxOf(user: { id: string; email: string; name: string; role: Ctx['user']['role'] }): Ctx {
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionId: 'test' };
}

describe('tenant grants', () => {
  it('lets a user into granted tenants only; ungranted and unknown both 404', async () => {
    const granted = await makeTenant();
    const other = await makeTenant();
    const ctx = ctxOf(await makeUser({ role: 'support', tenantIds: [granted.id] }));
    expect((await requireTenant(ctx, granted.slug)).id).toBe(granted.id);
    expect(await errorCode(requireTenant(ctx, other.slug))).toBe('not_found');
    expect(await errorCode(requireTenant(ctx, 'no-such-tenant'))).toBe('not_found');
    expect(await errorCode(requireTenant(ctx, '../admin'))).toBe('not_found');
    const slugs = (await listTenants({ ctx })).map((t) => t.slug);
    expect(slugs).toEqual([granted.slug]);
  });

  it('lets admins into every tenant without grants', async () => {
    const tenant = await makeTenant();
    const ctx = ctxOf(await makeUser({ role: 'admin' }));
    expect((await requireTenant(ctx, tenant.slug)).id).toBe(tenant.id);
    expect((await listTenants({ ctx })).map((t) => t.slug)).toContain(tenant.slug);
  });
});

describe('roles', () => {
  it('maps areas to roles as the navigation promises', () => {
    expect(['messages', 'sandbox', 'corrections', 'admin'].filter((a) => canUse('support', a as never))).toEqual(['messages', 'corrections']);
    expect(['messages', 'sandbox', 'corrections', 'admin'].filter((a) => canUse('engineer', a as never))).toEqual(['messages', 'sandbox', 'corrections']);
    expect(['messages', 'sandbox', 'corrections', 'admin'].filter((a) => canUse('admin', a as never))).toHaveLength(4);
  });

  it('refuses admin-only operations to other roles with forbidden', async () => {
    const support = ctxOf(await makeUser({ role: 'support' }));
    expect(() => authorize(support, ['admin'])).toThrowError(AppError);
    expect(await errorCode(listUsers({ ctx: support }))).toBe('forbidden');
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    expect((await listUsers({ ctx: admin })).some((u) => u.id === admin.user.id)).toBe(true);
  });
});
