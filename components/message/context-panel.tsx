import { formatDateTime } from '@/components/ui/format';
import type { ContextView } from '@/lib/server/messages/detail/context';
import { formatShare } from './verdict-badge';

/** The sender's and recipient's history with this tenant, beside the tenant's baseline. */
export function ContextPanel({ context }: { context: ContextView }) {
  const { sender, recipient, baseline } = context;
  const arrival = sender.atArrival;
  const r = recipient.atArrival;
  const date = (iso: string | null) => (iso ? formatDateTime(iso).replace(/, \d\d:\d\d UTC$/, '') : '—');
  return (
    <section aria-labelledby="context-heading" className="panel overflow-hidden">
      <header className="border-b border-zinc-200 px-4 py-2">
        <h2 id="context-heading" className="font-semibold text-zinc-900">Sender and recipient context</h2>
      </header>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              Sender <span className="font-mono normal-case">{sender.address || '—'}</span>
            </th>
            <th scope="col">When it arrived</th>
            <th scope="col">Now</th>
            <th scope="col">Tenant baseline</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Messages from this address before</td>
            <td>{arrival ? (arrival.isNew ? 'none (first time)' : arrival.addressMessages) : '—'}</td>
            <td>{sender.now.addressMessages} total</td>
            <td className="text-zinc-500">{baseline.messages.toLocaleString('en')} messages</td>
          </tr>
          <tr>
            <td>Messages from <span className="font-mono">{sender.domain || '—'}</span></td>
            <td>{arrival?.domainMessages ?? '—'}</td>
            <td>{sender.now.domainMessages} total</td>
            <td className="text-zinc-500">{baseline.senderDomains.toLocaleString('en')} sender domains</td>
          </tr>
          <tr>
            <td>First seen</td>
            <td>{arrival ? (arrival.isNew ? 'never before' : `${arrival.daysSinceFirstSeen} days earlier`) : '—'}</td>
            <td>{date(sender.now.firstSeenAt)}</td>
            <td />
          </tr>
          <tr>
            <td>Share flagged</td>
            <td>{arrival && !arrival.isNew ? formatShare(arrival.flaggedShare) : '—'}</td>
            <td>{sender.now.addressMessages ? formatShare(sender.now.addressFlagged / sender.now.addressMessages) : '—'}</td>
            <td>{formatShare(baseline.flaggedShare)}</td>
          </tr>
          <tr>
            <td>Share released by a correction</td>
            <td>{arrival && !arrival.isNew ? formatShare(arrival.correctedSafeShare) : '—'}</td>
            <td />
            <td />
          </tr>
        </tbody>
        <thead>
          <tr>
            <th scope="col">
              Recipient <span className="font-mono normal-case">{recipient.recipient || '—'}</span> {r?.isVip ? <span className="normal-case text-amber-800">· VIP</span> : null}
            </th>
            <th scope="col">When it arrived</th>
            <th scope="col">Now</th>
            <th scope="col">Tenant baseline</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Messages received</td>
            <td>{r?.messages ?? '—'}</td>
            <td>{recipient.now.messages}</td>
            <td />
          </tr>
          <tr>
            <td>Share from first-time senders</td>
            <td>{r && r.messages ? formatShare(r.firstTimeSenderShare) : '—'}</td>
            <td>{recipient.now.messages ? formatShare(recipient.now.firstTimeSenderShare) : '—'}</td>
            <td>{formatShare(baseline.firstTimeSenderShare)}</td>
          </tr>
          <tr>
            <td>Share delivered as safe</td>
            <td>{r && r.messages ? formatShare(r.safeShare) : '—'}</td>
            <td>{recipient.now.messages ? formatShare(recipient.now.safeShare) : '—'}</td>
            <td>{formatShare(baseline.safeShare)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
