import type { ReactNode } from 'react';
import { AlertIcon, InboxIcon } from '@/components/ui/icons';
import { ListLink } from './list-frame';
import type { ViewIssue } from './search-params';

// The list's empty and error states, drawn inside the list panel (EmptyState is a panel itself).

type EmptyProps = { title: string; children?: ReactNode; action?: { href: string; label: string } };

export function ListEmpty({ title, children, action }: EmptyProps) {
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center">
      <div className="mb-3 flex size-9 items-center justify-center rounded-lg border border-zinc-200 bg-zinc-50 text-zinc-500">
        <InboxIcon />
      </div>
      <h2 className="text-md font-semibold text-zinc-900">{title}</h2>
      {children ? <div className="mt-1.5 max-w-lg text-zinc-600">{children}</div> : null}
      {action ? (
        <ListLink href={action.href} className="btn mt-4">
          {action.label}
        </ListLink>
      ) : null}
    </div>
  );
}

const keyLabels: Record<string, string> = {
  q: 'Search',
  verdict: 'Verdict',
  flagged: 'Flagged',
  rule: 'Rule fired',
  sender: 'Sender',
  domain: 'Sender domain',
  recipient: 'Recipient',
  from: 'Received from',
  to: 'Received to',
  label: 'Ground truth',
  sort: 'Sort',
  cursor: 'Page',
};

/** Values in the address the list cannot use: named, explained, and one click to drop them. */
export function ViewProblems({ issues, fixHref }: { issues: ViewIssue[]; fixHref: string }) {
  return (
    <div role="alert" className="flex gap-3 border-b border-red-200 bg-red-50 px-4 py-3">
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-red-600" />
      <div className="min-w-0">
        <h2 className="font-semibold text-red-800">This view has values the list cannot use</h2>
        <ul className="mt-1 space-y-0.5 text-red-800">
          {issues.map((issue, i) => (
            <li key={i}>
              <span className="font-medium">{keyLabels[issue.key] ?? issue.key}</span>
              {issue.value ? <span className="font-mono text-sm text-red-700"> “{issue.value}”</span> : null}: {issue.message}
            </li>
          ))}
        </ul>
        <ListLink href={fixHref} className="btn mt-2.5 h-7">
          Show the list without them
        </ListLink>
      </div>
    </div>
  );
}
