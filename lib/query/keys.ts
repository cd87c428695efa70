import { queryOptions } from '@tanstack/react-query';
import type { UserRow } from '@/lib/server/users/list';
import { fetchJson } from './make-query-client';

// Query keys are built only here: components and invalidations use these factories, never
// hand-written arrays. Add one factory per resource; nest keys under the tenant they belong to.

export const queryKeys = {
  admin: ['admin'] as const,
  tenant: (slug: string) => ['tenant', slug] as const,
};

/** Admin's users table (GET /api/admin/users; admins only). */
export function adminUsersQuery() {
  return queryOptions({
    queryKey: [...queryKeys.admin, 'users'] as const,
    queryFn: () => fetchJson<UserRow[]>('/api/admin/users'),
  });
}
