import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { SandboxWorkbench } from '@/components/sandbox/sandbox-workbench';
import { VersionsPanel } from '@/components/sandbox/versions-panel';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getSandbox } from '@/lib/server/sandbox/get';

export const metadata: Metadata = { title: 'Sandbox' };

type Props = { params: Promise<{ tenant: string }> };

export default async function SandboxPage({ params }: Props) {
  const { tenant } = await params;
  const ctx = await requirePageUser(areaRoles.sandbox);
  const start = await loadForPage(() => getSandbox({ ctx, input: { tenant } }));
  return (
    <>
      <PageHeader
        title="Sandbox"
        description={`Edit rules, watch a message re-score as you type, backtest the draft over mail stored for ${start.tenant.name}, then publish it for every tenant.`}
      />
      {/* Keyed by version: after a publish or rollback the draft starts again from the new one. */}
      <SandboxWorkbench key={start.published.version} start={start} />
      <div className="mt-4">
        <VersionsPanel tenant={tenant} versions={start.versions} />
      </div>
    </>
  );
}
