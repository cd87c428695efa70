import type { Metadata } from 'next';
import Link from 'next/link';
import { CorrectionsList } from '@/components/corrections/corrections-list';
import { HygieneSection, type HygieneData } from '@/components/corrections/hygiene-section';
import { first, hrefWith, tenantFilterOf, toFilters, viewOf, type FilterResult, type HygieneView } from '@/components/corrections/list-params';
import { ViewTabs } from '@/components/corrections/list-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { isAppError } from '@/lib/errors';
import { areaRoles, loadForPage, requirePageUser, type Ctx } from '@/lib/server/auth';
import { listCorrections } from '@/lib/server/corrections/list';
import { listExpiringCorrections } from '@/lib/server/corrections-hygiene/expiring';
import { listNeverMatchedCorrections } from '@/lib/server/corrections-hygiene/never-matched';
import { listOverlappingCorrections } from '@/lib/server/corrections-hygiene/overlapping';
import { listCorrectionsReleasingMalicious } from '@/lib/server/corrections-hygiene/released-malicious';
import { getTenant } from '@/lib/server/tenants/get';
import { listTenants } from '@/lib/server/tenants/list';

export const metadata: Metadata = { title: 'Corrections' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CorrectionsPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const query = await searchParams;
  const ctx = await requirePageUser(areaRoles.corrections);
  const isAdmin = ctx.user.role === 'admin';
  const [info, tenants] = await loadForPage(() => Promise.all([getTenant({ ctx, input: { slug: tenant } }), isAdmin ? listTenants({ ctx }) : null]));
  const view = viewOf(query, isAdmin);
  const base = `/t/${tenant}/corrections`;

  return (
    <>
      <PageHeader
        title="Corrections"
        description={
          isAdmin
            ? 'Allow-list corrections: who allowed what, why and until when.'
            : `Allow-list corrections that apply to ${info.name}: filed here or for all tenants.`
        }
        actions={
          view === 'list' ? (
            <a href={hrefWith(`${base}/export`, query, { view: '' })} className="btn" download>
              Export CSV
            </a>
          ) : null
        }
      />
      <ViewTabs base={base} params={query} current={view} isAdmin={isAdmin} />
      {view === 'list' ? (
        <CorrectionsList
          tenant={tenant}
          base={base}
          query={query}
          tenants={tenants}
          userId={ctx.user.id}
          isAdmin={isAdmin}
          result={await asFilterResult(() => listCorrections({ ctx, input: { ...toFilters(query, tenant, isAdmin), page: first(query, 'page') || 1 } }))}
        />
      ) : (
        <HygieneSection
          tenant={tenant}
          base={base}
          query={query}
          view={view}
          tenants={tenants ?? []}
          result={await asFilterResult(() => loadHygiene(ctx, view, tenantFilterOf(query, tenant, isAdmin)))}
        />
      )}
      <p className="mt-3 text-sm text-zinc-500">
        Corrections are filed from a message: open it in{' '}
        <Link href={`/t/${tenant}/messages`} className="text-accent-700 hover:underline">
          Messages
        </Link>{' '}
        and choose “Allow…”.
      </p>
    </>
  );
}

/** Bad filters in a hand-edited URL (a malformed date, an unknown tenant) get a message, not a 404 or crash. */
async function asFilterResult<T>(load: () => Promise<T>): Promise<FilterResult<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') {
      return { ok: false, message: `These filters are not valid: ${(error.issues ?? []).map((i) => `${i.path || 'filter'}: ${i.message}`).join('; ')}` };
    }
    if (isAppError(error) && error.code === 'not_found') return { ok: false, message: 'The tenant in these filters does not exist or is not yours.' };
    throw error;
  }
}

async function loadHygiene(ctx: Ctx, view: HygieneView, tenant: string | undefined): Promise<HygieneData> {
  // "All-tenant corrections only" is a table filter; hygiene views take a tenant or every tenant.
  const input = { tenant: tenant === '*' ? undefined : tenant };
  switch (view) {
    case 'never-matched':
      return { view, rows: await listNeverMatchedCorrections({ ctx, input }) };
    case 'released-malicious':
      return { view, rows: await listCorrectionsReleasingMalicious({ ctx, input }) };
    case 'expiring':
      return { view, rows: await listExpiringCorrections({ ctx, input }) };
    case 'overlapping':
      return { view, rows: await listOverlappingCorrections({ ctx, input }) };
  }
}
