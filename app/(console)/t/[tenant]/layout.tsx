import type { ReactNode } from 'react';
import { loadForPage, requirePageUser } from '@/lib/server/auth';
import { getTenant } from '@/lib/server/tenants/get';

type Props = { children: ReactNode; params: Promise<{ tenant: string }> };

// Unknown and ungranted tenants 404 here for every page below. Pages still scope their own
// queries: layouts and pages render concurrently, so this is not the only gate.
export default async function TenantLayout({ children, params }: Props) {
  const { tenant } = await params;
  const ctx = await requirePageUser();
  await loadForPage(() => getTenant({ ctx, input: { slug: tenant } }));
  return children;
}
