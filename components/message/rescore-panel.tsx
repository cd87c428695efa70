'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { fetchJson } from '@/lib/query/make-query-client';
import { messageKeys } from '@/lib/query/keys';
import type { RescoreResult } from '@/lib/server/messages/rescore';
import { ContributionChanges, DecisionDiffTable } from './decision-diff';
import { formatPoints, VerdictBadge } from './verdict-badge';

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
      <DecisionDiffTable before={before} after={after} />
      <ContributionChanges changes={result.contributions} />
      <p className="border-t border-zinc-200 px-4 py-1.5 text-xs text-zinc-500">
        {result.updated ? 'The stored decision was updated and logged in the audit trail.' : 'Already stored by a concurrent re-score.'}
      </p>
    </div>
  );
}
