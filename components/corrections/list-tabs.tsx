import Link from 'next/link';
import type { CorrectionList } from '@/lib/server/corrections/list';
import { hrefWith, type RawParams, type View } from './list-params';

const viewLabels: Record<View, string> = {
  list: 'All corrections',
  'never-matched': 'Never matched',
  'released-malicious': 'Released later-malicious',
  expiring: 'Expiring within 7 days',
  overlapping: 'Overlapping',
};

/** The page's views: the table, and (admins) the four hygiene views. Links, so each is linkable. */
export function ViewTabs({ base, params, current, isAdmin }: { base: string; params: RawParams; current: View; isAdmin: boolean }) {
  if (!isAdmin) return null;
  const views = Object.keys(viewLabels) as View[];
  // Switching view keeps the tenant choice only: the other filters belong to the table.
  const tenant = typeof params.tenant === 'string' ? params.tenant : '';
  return (
    <nav aria-label="Views" className="mb-3 flex flex-wrap gap-1 border-b border-zinc-200">
      {views.map((v) => (
        <Link
          key={v}
          href={hrefWith(base, {}, { view: v === 'list' ? '' : v, tenant })}
          aria-current={current === v ? 'page' : undefined}
          className={`-mb-px border-b-2 px-2.5 py-1.5 text-[13px] font-medium ${
            current === v ? 'border-accent-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800'
          }`}
        >
          {v !== 'list' ? <span className="mr-1 text-zinc-400">Hygiene ·</span> : null}
          {viewLabels[v]}
        </Link>
      ))}
    </nav>
  );
}

const statuses = [
  ['', 'All', 'all'],
  ['pending', 'Pending', 'pending'],
  ['active', 'Active', 'active'],
  ['expired', 'Expired', 'expired'],
  ['rejected', 'Rejected', 'rejected'],
  ['revoked', 'Revoked', 'revoked'],
] as const;

/** Status filter as tabs carrying their counts (under the other filters). */
export function StatusTabs({ base, params, counts }: { base: string; params: RawParams; counts: CorrectionList['counts'] }) {
  const current = typeof params.status === 'string' ? params.status : '';
  return (
    <nav aria-label="Status" className="flex flex-wrap items-center gap-1">
      {statuses.map(([value, label, key]) => {
        const active = current === value;
        const n = counts[key];
        return (
          <Link
            key={key}
            href={hrefWith(base, params, { status: value })}
            aria-current={active ? 'page' : undefined}
            className={`flex h-7 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium ${
              active ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100'
            }`}
          >
            {label}
            <span className={`text-xs ${active ? 'text-zinc-300' : key === 'pending' && n > 0 ? 'font-semibold text-amber-700' : 'text-zinc-400'}`}>{n}</span>
          </Link>
        );
      })}
    </nav>
  );
}
