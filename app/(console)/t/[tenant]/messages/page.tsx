import type { Metadata } from 'next';
import { TenantOverviewHeader } from '@/components/tenant/tenant-overview-header';
import { EmptyState } from '@/components/ui/empty-state';
import { InboxIcon } from '@/components/ui/icons';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getTenantOverview } from '@/lib/server/tenants/get-overview';

export const metadata: Metadata = { title: 'Messages' };

type Props = { params: Promise<{ tenant: string }> };

export default async function MessagesPage({ params }: Props) {
  const { tenant } = await params;
  const ctx = await requirePageUser(areaRoles.messages);
  const overview = await loadForPage(() => getTenantOverview({ ctx, input: { slug: tenant } }));
  return (
    <>
      <TenantOverviewHeader tenant={overview} />
      <EmptyState icon={<InboxIcon />} title={`No messages ingested for ${overview.name} yet`}>
        Messages appear here once mail for {overview.domains.join(', ')} is ingested and scored by the detection
        engine. Each row will show the verdict, the signals behind it and the rules that fired.
      </EmptyState>
    </>
  );
}
