'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { fetchJson } from '@/lib/query/make-query-client';
import { messageKeys } from '@/lib/query/keys';
import type { RescoreResult } from '@/lib/server/messages/rescore';
import { ActionText, formatPoints, VerdictBadge } from './verdict-badge';

/** "Re-score now": today's published ruleset and active corrections, shown as a before/after diff. */
export function RescorePanel({ tenant, id }: { tenant: string; id: string }) {
  const router = useRouter();
  const rescore = useMutation({
    mutationKey: messageKeys.rescore(tenant, id),
    mutationFn: () => fetchJson<RescoreResult>(`/t/${tenant}/messages/${id}/rescore`, { method: 'POST' }),
    // The stored decision changed: reload the server-rendered page so every panel shows it.
    onSuccess: (result) => {
      if (result.updated) router.refresh();
    },
  });
  const result = rescore.data;
  return (
    <section aria-labelledby="rescore-heading" className="panel overflow-hidden">
      <header className="flex items-center justify-between gap-3 px-4 py-2.5">
        <div>
          <h2 id="rescore-heading" className="font-semibold text-zinc-900">Re-score</h2>
          <p className="text-xs text-zinc-500">Published ruleset and active corrections, with the context the message arrived with.</p>
        </div>
        <button type="button" className="btn" onClick={() => rescore.mutate()} disabled={rescore.isPending}>
          {rescore.isPending ? 'Re-scoring…' : 'Re-score now'}
        </button>
      </header>
      <div aria-live="polite">
        {rescore.isError ? <p className="border-t border-zinc-200 px-4 py-2 text-sm text-red-700">Re-score failed: {rescore.error.message}</p> : null}
        {result ? <RescoreDiff result={result} /> : null}
      </div>
    </section>
  );
}

function RescoreDiff({ result }: { result: RescoreResult }) {
  const { before, after } = result;
  if (!result.changed) {
    return (
      <p data-testid="rescore-result" className="border-t border-zinc-200 px-4 py-2 text-sm text-zinc-700">
        No change: <VerdictBadge verdict={after.verdict} /> {formatPoints(after.score, false)} with ruleset {after.rulesetVersion}
        {result.appliedCorrections.length ? ` and correction ${result.appliedCorrections.map((c) => `#${c}`).join(', ')}` : ''}.
      </p>
    );
  }
  return (
    <div data-testid="rescore-result" className="border-t border-zinc-200 text-sm">
      <table className="table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="text-zinc-500">Verdict</td>
            <td><VerdictBadge verdict={before.verdict} /></td>
            <td><VerdictBadge verdict={after.verdict} /></td>
          </tr>
          <tr>
            <td className="text-zinc-500">Score</td>
            <td>{formatPoints(before.score, false)}</td>
            <td>{formatPoints(after.score, false)}</td>
          </tr>
          <tr>
            <td className="text-zinc-500">Action</td>
            <td><ActionText action={before.action} /></td>
            <td><ActionText action={after.action} /></td>
          </tr>
          <tr>
            <td className="text-zinc-500">Ruleset</td>
            <td>{before.rulesetVersion}</td>
            <td>{after.rulesetVersion}</td>
          </tr>
        </tbody>
      </table>
      {result.contributions.length ? (
        <ul aria-label="Contribution changes" className="divide-y divide-zinc-100 border-t border-zinc-200">
          {result.contributions.map((c) => (
            <li key={c.key} className="flex items-baseline justify-between gap-3 px-4 py-1.5">
              <span className="min-w-0 break-words">
                <span className={`mr-1.5 text-xs font-medium ${c.change === 'added' ? 'text-red-700' : c.change === 'removed' ? 'text-accent-700' : 'text-zinc-500'}`}>{c.change}</span>
                {c.label}
              </span>
              <span className="shrink-0 font-mono text-xs">
                {c.before === null ? '—' : formatPoints(c.before)} → {c.after === null ? '—' : formatPoints(c.after)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="border-t border-zinc-200 px-4 py-1.5 text-xs text-zinc-500">
        {result.updated ? 'The stored decision was updated and logged in the audit trail.' : 'Already stored by a concurrent re-score.'}
      </p>
    </div>
  );
}
