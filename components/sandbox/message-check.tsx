'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ContributionChanges, DecisionDiffTable } from '@/components/message/decision-diff';
import { formatPoints, LabelBadge } from '@/components/message/verdict-badge';
import { Notice } from '@/components/ui/field';
import type { Attribution } from '@/lib/engine/types';
import type { Jsonified } from '@/lib/query/keys';
import type { CheckResult } from '@/lib/server/sandbox/check';
import type { SandboxStart } from '@/lib/server/sandbox/get';

type Props = {
  tenant: string;
  messageId: string | null;
  recent: SandboxStart['recentFlagged'];
  result: Jsonified<CheckResult> | undefined;
  pending: boolean;
  error: Error | null;
  /** The client-side schema found problems, so nothing was sent. */
  invalid: boolean;
  onMessage: (id: string | null) => void;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The draft's decision for one stored message next to the published ruleset's, live. */
export function MessageCheck({ tenant, messageId, recent, result, pending, error, invalid, onMessage }: Props) {
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);

  function onPaste(event: FormEvent) {
    event.preventDefault();
    const id = UUID.exec(pasted)?.[0]?.toLowerCase();
    if (!id) return setPasteError('Paste a message id or a link to a message page.');
    setPasteError(null);
    setPasted('');
    onMessage(id);
  }

  const message = result?.ok ? result.message : null;
  return (
    <section aria-labelledby="check-heading" className="panel overflow-hidden">
      <header className="space-y-2 border-b border-zinc-200 px-4 py-2.5">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="check-heading" className="font-semibold text-zinc-900">Live re-score</h2>
          <span aria-live="polite" className="text-xs text-zinc-500">{pending ? 'Scoring…' : ''}</span>
        </div>
        <p className="text-xs text-zinc-500">Published ruleset vs this draft, with the stored signals and today’s active corrections.</p>
        <select aria-label="Message to re-score" value={recent.some((m) => m.id === messageId) ? (messageId ?? '') : ''} onChange={(e) => onMessage(e.target.value || null)} className="input">
          <option value="">{messageId && !recent.some((m) => m.id === messageId) ? 'Message from a link or the backtest' : 'Pick a recent flagged message…'}</option>
          {recent.map((m) => (
            <option key={m.id} value={m.id}>
              {m.verdict} · {m.subject || '(no subject)'} — {m.fromAddress}
            </option>
          ))}
        </select>
        <form onSubmit={onPaste} className="flex gap-2">
          <input value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="…or paste a message id or link" aria-label="Message id or link" aria-invalid={pasteError ? true : undefined} className="input min-w-0 flex-1" />
          <button type="submit" className="btn">Use</button>
        </form>
        {pasteError ? <p className="text-sm text-red-700">{pasteError}</p> : null}
      </header>
      <div className="text-sm">
        {!messageId ? (
          <p className="px-4 py-3 text-zinc-500">Pick a message to see what this draft decides for it. Rows in a backtest can be picked too.</p>
        ) : error ? (
          <div className="p-3"><Notice tone="error">{error.message}</Notice></div>
        ) : result?.ok && result.messageError ? (
          <div className="p-3"><Notice tone="error">{result.messageError}</Notice></div>
        ) : invalid || (result && !result.ok) ? (
          <p className="px-4 py-3 text-zinc-600">Fix the errors in the draft to re-score.</p>
        ) : !message ? (
          <p className="px-4 py-3 text-zinc-500">Scoring…</p>
        ) : (
          <div data-testid="check-result">
            <div className="space-y-1 px-4 py-2.5">
              <Link href={`/t/${tenant}/messages/${message.id}`} className="block font-medium break-words text-accent-700 hover:underline">{message.subject || '(no subject)'}</Link>
              <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                <span className="break-all">{message.fromAddress}</span>
                {message.label ? <LabelBadge label={message.label} /> : null}
              </p>
              <p className={`text-sm font-medium ${message.diff.changed ? 'text-amber-800' : 'text-zinc-600'}`}>{message.diff.changed ? 'This draft changes the decision.' : 'No change for this message.'}</p>
            </div>
            <DecisionDiffTable before={message.diff.before} after={message.diff.after} labels={{ before: 'Published', after: 'Draft' }} />
            <ContributionChanges changes={message.diff.contributions} />
            <FiredRules attribution={message.draft.attribution} />
          </div>
        )}
      </div>
    </section>
  );
}

function FiredRules({ attribution }: { attribution: Jsonified<Attribution>[] }) {
  const rules = attribution.flatMap((a) => (a.kind === 'rule' ? [a] : []));
  return (
    <div className="border-t border-zinc-200 px-4 py-2">
      <h3 className="text-xs font-medium text-zinc-500">Rules the draft fires ({rules.length})</h3>
      {rules.length === 0 ? (
        <p className="text-xs text-zinc-500">None.</p>
      ) : (
        <ul className="mt-1 space-y-0.5">
          {rules.map((a) => (
            <li key={a.ruleId} className="flex justify-between gap-2 font-mono text-xs">
              <span className="truncate">{a.ruleId}</span>
              <span className={a.contribution > 0 ? 'text-red-700' : 'text-accent-700'}>{formatPoints(a.contribution)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
