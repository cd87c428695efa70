import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime } from '@/components/ui/format';
import { ShieldIcon } from '@/components/ui/icons';
import type { AuditPage, AuditRow } from '@/lib/server/audit/list';

type Props = {
  page: AuditPage;
  /** The current URL's filters, kept on the pagination links. */
  params: Record<string, string | undefined>;
  filtered: boolean;
};

export function AuditTable({ page, params, filtered }: Props) {
  if (page.rows.length === 0) {
    return (
      <EmptyState
        icon={<ShieldIcon />}
        title={filtered ? 'No audit rows match these filters' : 'Nothing has been audited yet'}
        action={filtered ? <Link href="/admin/audit" className="btn">Clear filters</Link> : undefined}
      >
        {filtered
          ? 'Widen the date range or remove a filter.'
          : 'Rows appear here when a correction, user, grant, ingest token or stored decision is created or changed.'}
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="audit-heading" className="panel overflow-hidden">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5">
        <h2 id="audit-heading" className="font-semibold text-zinc-900">
          Rows <span className="font-normal text-zinc-400">{page.rows[0].id}–{page.rows[page.rows.length - 1].id}</span>
        </h2>
        <Pager page={page} params={params} />
      </header>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Tenant</th>
              <th scope="col">Details</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <AuditTableRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {page.newerAfter || page.olderBefore ? (
        <footer className="flex justify-end border-t border-zinc-200 px-4 py-2">
          <Pager page={page} params={params} />
        </footer>
      ) : null}
    </section>
  );
}

function AuditTableRow({ row }: { row: AuditRow }) {
  return (
    <tr>
      <td className="font-mono text-sm text-zinc-500">{row.id}</td>
      <td className="whitespace-nowrap text-zinc-600">
        <time dateTime={row.at}>{formatDateTime(row.at)}</time>
      </td>
      <td className="font-mono text-sm text-zinc-800">{row.actor ?? <span className="text-zinc-400">unknown</span>}</td>
      <td>
        <Badge tone={row.action === 'revoke' || row.action === 'reject' ? 'warning' : 'neutral'}>{row.action}</Badge>
      </td>
      <td className="whitespace-nowrap">
        <span className="text-zinc-800">{row.entity}</span>{' '}
        <span className="font-mono text-xs text-zinc-500" title={row.entityId}>
          {shorten(row.entityId, 13)}
        </span>
      </td>
      <td className="text-zinc-700">{row.tenant ?? <span className="text-zinc-400">—</span>}</td>
      <td className="max-w-md">
        <Details data={row.data} />
      </td>
      <td className="font-mono text-xs text-zinc-400" title={row.hash}>
        {row.hash.slice(0, 10)}
      </td>
    </tr>
  );
}

// Short values inline (key: value); anything bigger folds into the full JSON.
function Details({ data }: { data: unknown }) {
  if (data === null || data === undefined) return <span className="text-zinc-400">—</span>;
  const json = JSON.stringify(data, null, 2);
  const summary =
    typeof data === 'object' && !Array.isArray(data)
      ? Object.entries(data as Record<string, unknown>)
          .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? '…' : String(v)}`)
          .join(' · ')
      : String(json);
  const flat = typeof data !== 'object' || Object.values(data as object).every((v) => typeof v !== 'object' || v === null);
  if (flat && json.length <= 120) return <span className="text-sm text-zinc-700">{summary}</span>;
  return (
    <details className="text-sm text-zinc-700">
      <summary className="cursor-pointer truncate">{shorten(summary, 90)}</summary>
      <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs text-zinc-800">{json}</pre>
    </details>
  );
}

function Pager({ page, params }: { page: AuditPage; params: Record<string, string | undefined> }) {
  const href = (cursor: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== 'before' && k !== 'after') query.set(k, v);
    for (const [k, v] of Object.entries(cursor)) query.set(k, v);
    const text = query.toString();
    return text ? `/admin/audit?${text}` : '/admin/audit';
  };
  return (
    <nav aria-label="Audit pages" className="flex items-center gap-1 text-sm">
      {page.newerAfter ? (
        <>
          <Link className="btn btn-ghost" href={href({})}>
            Newest
          </Link>
          <Link className="btn btn-ghost" href={href({ after: page.newerAfter })}>
            ← Newer
          </Link>
        </>
      ) : null}
      {page.olderBefore ? (
        <Link className="btn btn-ghost" href={href({ before: page.olderBefore })}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
