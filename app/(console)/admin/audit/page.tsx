import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { AuditVerify } from '@/components/admin/audit-verify';
import { PageHeader } from '@/components/ui/page-header';
import { listAuditLog } from '@/lib/server/audit/list';
import { listAuditInput } from '@/lib/server/audit/list-input';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { listAllTenants } from '@/lib/server/tenants/list-all';
import { verifyAuditChainAction } from './actions';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await requirePageUser(areaRoles.admin);
  // One value per filter: a repeated parameter keeps its first.
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const tenants = await loadForPage(() => listAllTenants({ ctx }));
  const parsed = listAuditInput.safeParse(params);
  const issues: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) issues[String(issue.path[0] ?? 'form')] ??= issue.message;
  else if (parsed.data.tenant && !tenants.some((t) => t.slug === parsed.data.tenant)) issues.tenant = `There is no tenant "${parsed.data.tenant}".`;
  const valid = parsed.success && Object.keys(issues).length === 0;
  const page = valid ? await loadForPage(() => listAuditLog({ ctx, input: parsed.data })) : null;
  const filtered = ['entity', 'action', 'actor', 'tenant', 'from', 'to'].some((k) => params[k]);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to corrections, users, grants, ingest tokens and stored message decisions, newest first. Rows cannot be changed or removed, and each carries the hash of the one before it."
        meta={
          <Link href="/admin" className="text-sm text-accent-700 hover:underline">
            ← Admin
          </Link>
        }
      />
      <div className="space-y-3">
        <AuditVerify verify={verifyAuditChainAction} />
        <AuditFilters values={params} issues={issues} tenants={tenants.map((t) => t.slug)} />
        {page ? (
          <AuditTable page={page} params={params} filtered={filtered} />
        ) : (
          <p className="panel px-4 py-6 text-center text-zinc-600">Fix the highlighted filters to see audit rows.</p>
        )}
      </div>
    </>
  );
}
