import type { Metadata } from 'next';
import Link from 'next/link';
import { TenantsTable } from '@/components/admin/tenants-table';
import { UsersTable } from '@/components/admin/users-table';
import { PageHeader } from '@/components/ui/page-header';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { listAllTenants } from '@/lib/server/tenants/list-all';
import { listUsers } from '@/lib/server/users/list';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const ctx = await requirePageUser(areaRoles.admin);
  const [users, tenants] = await loadForPage(() => Promise.all([listUsers({ ctx }), listAllTenants({ ctx })]));
  return (
    <>
      <PageHeader
        title="Admin"
        description="Who can use the console, and which customer tenants they may see."
        actions={
          <Link href="/admin/audit" className="btn">
            Audit log
          </Link>
        }
      />
      <div className="space-y-5">
        <UsersTable users={users} />
        <TenantsTable tenants={tenants} />
      </div>
    </>
  );
}
