import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format';
import type { OriginMessage } from './form-values';
import { VerdictBadge } from './status-badge';

const authTone = (result: string | null) =>
  result === 'pass' ? 'text-emerald-700' : result && result !== 'none' ? 'text-red-700' : 'text-zinc-400';

/** The message the correction is filed from, with what the guard will look at. */
export function OriginMessageCard({ tenant, message }: { tenant: string; message: OriginMessage }) {
  return (
    <section aria-labelledby="origin-heading" className="panel">
      <h2 id="origin-heading" className="border-b border-zinc-200 px-3 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">
        Filed from
      </h2>
      <div className="space-y-1.5 px-3 py-2.5">
        <Link href={`/t/${tenant}/messages/${message.id}`} className="block font-medium text-accent-700 hover:underline">
          {message.subject || '(no subject)'}
        </Link>
        <dl className="grid grid-cols-[72px_1fr] gap-x-2 gap-y-0.5 text-sm">
          <dt className="text-zinc-500">From</dt>
          <dd className="truncate font-mono text-zinc-800" title={message.fromAddress}>
            {message.fromAddress || '—'}
          </dd>
          <dt className="text-zinc-500">Received</dt>
          <dd className="text-zinc-700">{formatDateTime(message.receivedAt)}</dd>
          <dt className="text-zinc-500">Verdict</dt>
          <dd>
            <VerdictBadge verdict={message.verdict} />
          </dd>
          <dt className="text-zinc-500">Auth</dt>
          <dd className="font-mono text-zinc-500">
            {(['spf', 'dkim', 'dmarc'] as const).map((k) => (
              <span key={k} className="mr-2">
                {k} <span className={authTone(message.auth[k])}>{message.auth[k] ?? 'none'}</span>
              </span>
            ))}
          </dd>
        </dl>
      </div>
    </section>
  );
}
