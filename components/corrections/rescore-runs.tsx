import { formatDateTime } from '@/components/ui/format';
import type { DetailRun } from './detail-types';

const reasonText: Record<string, string> = {
  applied: 'applied on filing',
  approved: 'approved',
  revoked: 'revoked',
  expired: 'expired',
  resumed: 'resumed after a restart',
};

/** Background re-scores of the affected messages: live progress while running, counts when done. */
export function RescoreRuns({ runs, polling }: { runs: DetailRun[]; polling: boolean }) {
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="runs-heading" className="panel">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2">
        <h2 id="runs-heading" className="font-semibold text-zinc-900">
          Re-score runs <span className="font-normal text-zinc-400">{runs.length}</span>
        </h2>
        {polling ? <span className="text-sm text-zinc-500">Updating…</span> : null}
      </header>
      <ul className="divide-y divide-zinc-100">
        {runs.map((r) => {
          const pct = r.total > 0 ? Math.round((r.done / r.total) * 100) : r.status === 'finished' ? 100 : 0;
          return (
            <li key={r.id} className="px-4 py-2" data-testid="rescore-run">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-[13px]">
                <span className="text-zinc-800">
                  <span className="font-mono text-zinc-600">{r.tenant}</span> · {reasonText[r.reason] ?? r.reason}
                </span>
                <span className="text-sm text-zinc-500">{formatDateTime(r.finishedAt ?? r.startedAt ?? r.createdAt)}</span>
              </div>
              <div className="mt-1 flex items-center gap-3">
                <div
                  role="progressbar"
                  aria-label={`Re-score in ${r.tenant}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={pct}
                  className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-100"
                >
                  <div className={`h-full ${r.status === 'failed' ? 'bg-red-500' : r.status === 'finished' ? 'bg-emerald-500' : 'bg-accent-500'}`} style={{ width: `${pct}%` }} />
                </div>
                <span className="w-52 shrink-0 text-right text-sm text-zinc-700" aria-live="polite">
                  {r.status === 'queued'
                    ? 'Queued'
                    : r.status === 'running'
                      ? `${r.done.toLocaleString('en-US')} of ${r.total.toLocaleString('en-US')} re-scored`
                      : r.status === 'failed'
                        ? 'Failed'
                        : `${r.total.toLocaleString('en-US')} re-scored`}
                  {r.status !== 'queued' ? ` · ${r.released} released${r.restored ? ` · ${r.restored} flagged again` : ''}` : ''}
                </span>
              </div>
              {/* The stored error can name internals (SQL, paths): the run id leads to the server log instead. */}
              {r.status === 'failed' ? <p className="mt-1 text-sm text-red-700">This run failed; messages it had not reached keep their previous verdict. Server log reference: run {r.id}.</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
