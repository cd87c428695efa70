import Link from 'next/link';
import type { MessageListItem } from '@/lib/server/messages/list';
import { formatDateTime } from '@/components/ui/format';
import { formatReceived, formatScore } from './format';
import { VerdictBadge } from './verdict-badge';

type Props = { base: string; items: MessageListItem[]; now: Date };

// Server-rendered rows; RowCursor (client) adds j/k/Enter and whole-row clicks on top through
// the data-message-row attribute, so the table itself ships no JavaScript.
export function MessagesTable({ base, items, now }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="table table-fixed" aria-label="Messages">
        <colgroup>
          <col className="w-[116px]" />
          <col className="w-[22%]" />
          <col className="w-[15%]" />
          <col />
          <col className="w-[84px]" />
          <col className="w-[64px]" />
          <col className="w-[17%]" />
          <col className="w-[60px]" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Verdict</th>
            <th scope="col" className="text-right">
              Score
            </th>
            <th scope="col">Top reason</th>
            <th scope="col" title="Ground-truth label">
              Label
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => {
            const href = `${base}/${m.id}`;
            return (
              <tr
                key={m.id}
                data-message-row={href}
                className="cursor-pointer [&[aria-current=true]>td]:bg-accent-50 [&[aria-current=true]>td:first-child]:shadow-[inset_2px_0_0_var(--color-accent-500)]"
              >
                <td className="truncate whitespace-nowrap text-zinc-600">
                  <time dateTime={m.receivedAt.toISOString()} title={formatDateTime(m.receivedAt)}>
                    {formatReceived(m.receivedAt, now)}
                  </time>
                </td>
                <td className="truncate whitespace-nowrap" title={m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress}>
                  {m.fromName ? <span className="mr-1.5 font-medium text-zinc-900">{m.fromName}</span> : null}
                  <span className="text-zinc-500">{m.fromAddress || '(no address)'}</span>
                </td>
                <td className="truncate whitespace-nowrap text-zinc-600" title={m.recipient}>
                  {m.recipient}
                </td>
                <td className="truncate whitespace-nowrap" title={m.subject}>
                  <Link href={href} prefetch={false} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                    {m.subject || <span className="font-normal text-zinc-400 italic">(no subject)</span>}
                  </Link>
                </td>
                <td className="whitespace-nowrap">
                  <VerdictBadge verdict={m.verdict} />
                </td>
                <td className={`text-right whitespace-nowrap ${m.flagged ? 'font-medium text-zinc-900' : 'text-zinc-500'}`}>{formatScore(m.score)}</td>
                <td className="truncate whitespace-nowrap text-zinc-600" title={m.topReason ?? undefined}>
                  {m.topReason ?? <span className="text-zinc-400">—</span>}
                </td>
                <td className="whitespace-nowrap text-sm text-zinc-600">{m.label ?? <span className="text-zinc-300">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
