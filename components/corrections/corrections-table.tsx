import Link from 'next/link';
import { formatDate } from '@/components/ui/format-date';
import type { CorrectionScope } from '@/lib/engine';
import type { CorrectionSummary } from '@/lib/server/corrections/summary';
import { personLabel } from './person';
import { scopeKindLabel, StatusBadge } from './status-badge';

type Props = {
  tenant: string;
  items: CorrectionSummary[];
  /** Admins see pending rows highlighted: they are the ones waiting on them. */
  highlightPending: boolean;
  /** Show the tenant column (when the view spans tenants). */
  showTenant: boolean;
  /** The signed-in user: their own pending corrections are not theirs to approve. */
  userId: string;
};

/** The corrections table: one dense row each, newest first, the number linking to its page. */
export function CorrectionsTable({ tenant, items, highlightPending, showTenant, userId }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Status</th>
            <th scope="col">Scope</th>
            {showTenant ? <th scope="col">Tenant</th> : null}
            <th scope="col">Expires</th>
            <th scope="col">Author</th>
            <th scope="col">Created</th>
            <th scope="col">Decided by</th>
            <th scope="col" className="text-right">
              Released
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const waiting = highlightPending && c.status === 'pending';
            return (
              <tr key={c.id} className={waiting ? '[&>td]:bg-amber-50/70 [&>td:first-child]:shadow-[inset_3px_0_0_var(--color-amber-400)]' : undefined}>
                <td className="font-mono whitespace-nowrap">
                  <Link href={`/t/${c.tenant?.slug ?? tenant}/corrections/${c.id}`} className="font-medium text-accent-700 hover:underline">
                    {c.label}
                  </Link>
                </td>
                <td className="whitespace-nowrap">
                  <StatusBadge status={c.status} />
                  {waiting && c.createdBy.id !== userId ? <span className="block text-xs font-medium text-amber-800">needs you</span> : null}
                </td>
                <td className="max-w-[260px] truncate" title={c.scopeText}>
                  <span className="mr-1.5 text-xs text-zinc-500">{scopeKindLabel[c.scope.kind]}</span>
                  <ScopeValue scope={c.scope} />
                  {c.requireAuth ? null : <span className="ml-1.5 text-xs font-medium text-red-700">guard off</span>}
                </td>
                {showTenant ? <td className="whitespace-nowrap text-zinc-700">{c.tenant?.slug ?? <span className="text-amber-800">all tenants</span>}</td> : null}
                <td className="whitespace-nowrap text-zinc-700">{c.expiresAt ? <time dateTime={c.expiresAt.toISOString()}>{formatDate(c.expiresAt)}</time> : <span className="text-amber-800">never</span>}</td>
                <td className="max-w-[150px] truncate text-zinc-700" title={c.createdBy.email ?? undefined}>
                  {personLabel(c.createdBy)}
                </td>
                <td className="whitespace-nowrap text-zinc-600">
                  <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>
                </td>
                <td className="max-w-[150px] truncate text-zinc-700" title={c.decidedBy?.email ?? undefined}>
                  {personLabel(c.decidedBy)}
                </td>
                <td className="text-right whitespace-nowrap text-zinc-700">
                  {c.preview.released ?? '—'}
                  {c.preview.malicious ? <span className="ml-1 text-xs text-red-700" title="of them malicious or attack">({c.preview.malicious}!)</span> : null}
                </td>
                <td className="max-w-[180px] truncate text-zinc-600" title={c.reason}>
                  {c.ticket ? <span className="mr-1.5 font-mono text-xs text-zinc-500">{c.ticket}</span> : null}
                  {c.reason}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ScopeValue({ scope }: { scope: CorrectionScope }) {
  switch (scope.kind) {
    case 'sender':
      return <span className="font-mono text-[12px] text-zinc-900">{scope.address}</span>;
    case 'domain':
      return <span className="font-mono text-[12px] text-zinc-900">{scope.domain}</span>;
    case 'rule_sender':
    case 'rule_domain':
      return (
        <span className="font-mono text-[12px] text-zinc-900">
          {scope.ruleId} <span className="text-zinc-400">for</span> {scope.kind === 'rule_sender' ? scope.address : scope.domain}
        </span>
      );
    case 'message':
      return (
        <span className="font-mono text-[12px] text-zinc-900" title={scope.fingerprint}>
          {scope.fingerprint.slice(0, 16)}…
        </span>
      );
  }
}
