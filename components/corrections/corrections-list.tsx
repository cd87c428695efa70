import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/field';
import { CheckListIcon } from '@/components/ui/icons';
import type { CorrectionList } from '@/lib/server/corrections/list';
import { CorrectionsTable } from './corrections-table';
import { FiltersForm } from './filters-form';
import { first, hasFilters, hrefWith, type FilterResult, type RawParams } from './list-params';
import { StatusTabs } from './list-tabs';

type Props = {
  tenant: string;
  base: string;
  query: RawParams;
  tenants: { slug: string; name: string }[] | null;
  userId: string;
  isAdmin: boolean;
  result: FilterResult<CorrectionList>;
};

/** The table view: status tabs with counts, filters, the table, paging; designed empty states. */
export function CorrectionsList({ tenant, base, query, tenants, userId, isAdmin, result }: Props) {
  const status = first(query, 'status');
  const filters = <FiltersForm action={base} params={query} routeTenant={tenant} tenants={tenants} keep={{ status }} />;
  if (!result.ok) {
    return (
      <>
        {filters}
        <Notice tone="error">{result.message}</Notice>
      </>
    );
  }
  const list = result.data;
  const pendingForAdmin = isAdmin ? list.counts.pending : 0;

  if (list.counts.all === 0 && !hasFilters(query)) {
    return (
      <EmptyState icon={<CheckListIcon />} title="No corrections filed">
        When a message is wrongly flagged, open it in Messages and choose “Allow…”. Sender and message corrections apply at
        once; broader ones wait here for an admin’s approval before they change how mail is scored.
      </EmptyState>
    );
  }

  return (
    <>
      {pendingForAdmin > 0 && status !== 'pending' ? (
        <div className="mb-3 flex items-center justify-between rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          <span>
            <strong className="font-semibold">{pendingForAdmin}</strong> {pendingForAdmin === 1 ? 'correction waits' : 'corrections wait'} for an admin’s
            approval.
          </span>
          <Link href={hrefWith(base, query, { status: 'pending' })} className="btn h-6">
            Review pending
          </Link>
        </div>
      ) : null}
      {filters}
      <section aria-labelledby="corrections-heading" className="panel overflow-hidden">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1.5">
          <h2 id="corrections-heading" className="sr-only">
            Corrections
          </h2>
          <StatusTabs base={base} params={query} counts={list.counts} />
          <span className="text-sm text-zinc-500">
            {list.total.toLocaleString('en-US')} {list.total === 1 ? 'correction' : 'corrections'}
          </span>
        </header>
        {list.items.length > 0 ? (
          <CorrectionsTable tenant={tenant} items={list.items} highlightPending={isAdmin} showTenant userId={userId} />
        ) : (
          <p className="px-4 py-8 text-center text-zinc-500">
            No corrections match these filters.{' '}
            <Link href={base} className="text-accent-700 hover:underline">
              Clear filters
            </Link>
          </p>
        )}
        {list.pageCount > 1 ? <Pager base={base} query={query} page={list.page} pageCount={list.pageCount} /> : null}
      </section>
    </>
  );
}

function Pager({ base, query, page, pageCount }: { base: string; query: RawParams; page: number; pageCount: number }) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-2 border-t border-zinc-200 px-3 py-1.5 text-sm text-zinc-600">
      {page > 1 ? (
        <Link href={hrefWith(base, query, { page: String(page - 1) })} className="btn h-6">
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefWith(base, query, { page: String(page + 1) })} className="btn h-6">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
