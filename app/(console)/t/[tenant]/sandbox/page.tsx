import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { FlaskIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getTenant } from '@/lib/server/tenants/get';

export const metadata: Metadata = { title: 'Sandbox' };

type Props = { params: Promise<{ tenant: string }> };

export default async function SandboxPage({ params }: Props) {
  const { tenant } = await params;
  const ctx = await requirePageUser(areaRoles.sandbox);
  const info = await loadForPage(() => getTenant({ ctx, input: { slug: tenant } }));
  return (
    <>
      <PageHeader title="Sandbox" description={`Test rule edits against mail for ${info.name} before they ship.`} />
      <EmptyState icon={<FlaskIcon />} title="No rule drafts to test">
        Draft a rule change here and replay it over the messages ingested for {info.name} to see which verdicts would
        change. Replays need ingested messages, and there are none for this tenant yet.
      </EmptyState>
    </>
  );
}
