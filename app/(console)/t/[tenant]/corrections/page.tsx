import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { CheckListIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getTenant } from '@/lib/server/tenants/get';

export const metadata: Metadata = { title: 'Corrections' };

type Props = { params: Promise<{ tenant: string }> };

export default async function CorrectionsPage({ params }: Props) {
  const { tenant } = await params;
  const ctx = await requirePageUser(areaRoles.corrections);
  const info = await loadForPage(() => getTenant({ ctx, input: { slug: tenant } }));
  return (
    <>
      <PageHeader title="Corrections" description={`Allow-list corrections filed for ${info.name}, awaiting or past review.`} />
      <EmptyState icon={<CheckListIcon />} title="No corrections filed">
        When a message is wrongly flagged, support files a correction from the message view. Admins review it here
        before it changes how mail for {info.name} is scored.
      </EmptyState>
    </>
  );
}
