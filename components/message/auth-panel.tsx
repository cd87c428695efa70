import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import type { AuthView } from '@/lib/server/messages/detail/auth';
import type { HopView } from '@/lib/server/messages/detail/headers';

const resultTone: Record<string, BadgeTone> = { pass: 'accent', fail: 'danger', softfail: 'warning', permerror: 'danger', temperror: 'warning' };

/** SPF, DKIM, DMARC and ARC from the topmost Authentication-Results, with alignment to From. */
export function AuthPanel({ auth }: { auth: AuthView | null }) {
  return (
    <section aria-labelledby="auth-heading" className="panel overflow-hidden">
      <header className="flex items-baseline justify-between border-b border-zinc-200 px-4 py-2">
        <h2 id="auth-heading" className="font-semibold text-zinc-900">Authentication</h2>
        {auth ? (
          <span className="text-xs text-zinc-500">
            From domain <span className="font-mono">{auth.fromDomain || '—'}</span> ·{' '}
            {auth.authenticated ? <span className="text-accent-700">authenticated (aligned pass)</span> : <span className="text-amber-800">not authenticated</span>}
          </span>
        ) : null}
      </header>
      {!auth ? (
        <p className="px-4 py-3 text-zinc-500">Not available: the message could not be parsed.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">Domain</th>
              <th scope="col">Aligned with From</th>
            </tr>
          </thead>
          <tbody>
            {auth.checks.map((c, i) => (
              <tr key={`${c.method}-${i}`}>
                <td className="font-medium">{c.method}</td>
                <td>{c.result === 'absent' ? <span className="text-zinc-400">no result</span> : <Badge tone={resultTone[c.result] ?? 'neutral'}>{c.result}</Badge>}</td>
                <td className="font-mono text-xs">
                  {c.domain || '—'} {c.detail ? <span className="text-zinc-500">{c.detail}</span> : null}
                </td>
                <td>{c.aligned === null ? <span className="text-zinc-400">—</span> : c.aligned ? 'yes' : <span className="text-amber-800">no</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The Received chain, first hop first, with the delay each relay added. */
export function ReceivedChain({ received }: { received: { hops: HopView[]; omitted: number } }) {
  return (
    <section aria-labelledby="received-heading" className="panel overflow-hidden">
      <header className="flex items-baseline justify-between border-b border-zinc-200 px-4 py-2">
        <h2 id="received-heading" className="font-semibold text-zinc-900">
          Received chain <span className="font-normal text-zinc-400">{received.hops.length + received.omitted}</span>
        </h2>
        <span className="text-xs text-zinc-500">Oldest first; only the hops our side added are trustworthy.</span>
      </header>
      {received.hops.length === 0 ? (
        <p className="px-4 py-3 text-zinc-500">No Received headers.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">From</th>
                <th scope="col">IP</th>
                <th scope="col">By</th>
                <th scope="col">Date</th>
                <th scope="col">Delay</th>
              </tr>
            </thead>
            <tbody>
              {received.hops.map((hop) => (
                <tr key={hop.step}>
                  <td className="text-zinc-500">{hop.step}</td>
                  <td className="max-w-[260px] font-mono text-xs break-words">{hop.from || '—'}</td>
                  <td className="font-mono text-xs whitespace-nowrap">{hop.ip || '—'}</td>
                  <td className="max-w-[260px] font-mono text-xs break-words">{hop.by || '—'}</td>
                  <td className="text-xs whitespace-nowrap">{hop.date ? formatDateTime(hop.date) : '—'}</td>
                  <td className={`text-xs whitespace-nowrap ${hop.delaySeconds !== null && hop.delaySeconds < 0 ? 'text-amber-800' : ''}`}>{formatDelay(hop.delaySeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {received.omitted ? <p className="px-4 py-2 text-xs text-zinc-500">{received.omitted} more hops not shown.</p> : null}
        </div>
      )}
    </section>
  );
}

function formatDelay(seconds: number | null): string {
  if (seconds === null) return '—';
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${s} s`;
  if (s < 3600) return `${sign}${Math.round(s / 60)} min`;
  if (s < 172_800) return `${sign}${(s / 3600).toFixed(1)} h`;
  return `${sign}${Math.round(s / 86_400)} d`;
}
