import type { Metadata } from 'next';
import Link from 'next/link';
import { TenantsTable } from '@/components/admin/tenants-table';
import { TokensTable } from '@/components/admin/tokens-table';
import { UsersTable } from '@/components/admin/users-table';
import { PageHeader } from '@/components/ui/page-header';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { listAllTenants } from '@/lib/server/tenants/list-all';
import { listIngestTokens } from '@/lib/server/tokens/list';
import { listUsers } from '@/lib/server/users/list';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const ctx = await requirePageUser(areaRoles.admin);
  const [users, tenants] = await loadForPage(() => Promise.all([listUsers({ ctx }), listAllTenants({ ctx })]));
  const tokens = await loadForPage(() =>
    Promise.all(tenants.map(async (t) => (await listIngestTokens({ ctx, input: { tenant: t.slug } })).map((token) => ({ ...token, tenant: t.slug })))),
  );
  return (
    <>
      <PageHeader
        title="Admin"
        description="Who can use the console, which customer tenants they may see, and the tokens that feed them mail."
        actions={
          <Link href="/admin/audit" className="btn">
            Audit log
          </Link>
        }
      />
      <div className="space-y-5">
        <UsersTable users={users} />
        <TenantsTable tenants={tenants} />
        <TokensTable tokens={tokens.flat()} tenants={tenants} create={createTokenAction} revoke={revokeTokenAction} />
      </div>
    </>
  );
}
