'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { EvidenceRef } from '@/lib/server/messages/detail/evidence';
import type { ContributionView, WhyView } from '@/lib/server/messages/detail/why';
import { useEvidenceFocus } from './evidence-focus';
import { ActionText, formatPoints, VerdictBadge } from './verdict-badge';

/** Below this many points a model term cannot change a verdict; listed, but folded away. */
const minorPoints = 0.05;

/** Every contribution to the score, largest first, with its evidence one click from the message. */
export function WhyPanel({ why, tenant }: { why: WhyView | null; tenant: string }) {
  if (!why) {
    return (
      <section aria-labelledby="why-heading" className="panel px-4 py-3">
        <h2 id="why-heading" className="font-semibold text-zinc-900">Why this verdict</h2>
        <p className="mt-1 text-zinc-600">No stored analysis for this message. Re-score it to produce one.</p>
      </section>
    );
  }
  const max = Math.max(1e-9, ...why.contributions.map((c) => Math.abs(c.contribution)));
  const major = why.contributions.filter((c) => c.kind !== 'model' || Math.abs(c.contribution) >= minorPoints);
  const minor = why.contributions.filter((c) => c.kind === 'model' && Math.abs(c.contribution) < minorPoints);
  return (
    <section aria-labelledby="why-heading" className="panel overflow-hidden">
      <header className="border-b border-zinc-200 px-4 py-2.5">
        <h2 id="why-heading" className="font-semibold text-zinc-900">{why.flagged ? 'Why this was flagged' : 'Why this verdict'}</h2>
        <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <VerdictBadge verdict={why.verdict} />
          <span>
            score <strong className="font-semibold">{formatPoints(why.score, false)}</strong>
          </span>
          <span className="text-zinc-600">
            <ActionText action={why.action} />
          </span>
          <span className="text-zinc-500">ruleset {why.rulesetVersion}</span>
        </div>
        {why.rulesetVersion !== why.currentRulesetVersion ? (
          <p className="mt-1 text-xs text-amber-800">Scored with {why.rulesetVersion}; rule texts below are from the published {why.currentRulesetVersion}. Re-score to compare.</p>
        ) : null}
      </header>
      <ol aria-label="Contributions, largest first" className="divide-y divide-zinc-100">
        {major.map((c) => (
          <Contribution key={c.key} c={c} max={max} tenant={tenant} />
        ))}
      </ol>
      {minor.length ? (
        <details className="border-t border-zinc-100">
          <summary className="cursor-pointer px-4 py-2 text-sm text-zinc-600">
            {minor.length} smaller model contributions (under {minorPoints} points each)
          </summary>
          <ol className="divide-y divide-zinc-100">
            {minor.map((c) => (
              <Contribution key={c.key} c={c} max={max} tenant={tenant} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function Contribution({ c, max, tenant }: { c: ContributionView; max: number; tenant: string }) {
  const width = `${Math.max(2, (Math.abs(c.contribution) / max) * 100)}%`;
  const points = (
    <span className="flex w-16 shrink-0 flex-col items-end gap-0.5">
      <span className={`font-mono text-sm font-semibold ${c.contribution > 0 ? 'text-red-700' : c.contribution < 0 ? 'text-accent-700' : 'text-zinc-500'}`}>{formatPoints(c.contribution)}</span>
      <span className="h-1 w-full rounded bg-zinc-100" aria-hidden="true">
        <span className={`float-right block h-1 rounded ${c.contribution > 0 ? 'bg-red-400' : 'bg-accent-500'}`} style={{ width }} />
      </span>
    </span>
  );

  if (c.kind === 'correction') {
    return (
      <li className="flex gap-3 bg-accent-50/50 px-4 py-2.5" data-kind="correction">
        {points}
        <div className="min-w-0">
          <p className="font-medium text-zinc-900">
            {c.effect === 'allow' ? 'Allowed by ' : 'Rule suppressed by '}
            <Link href={`/t/${tenant}/corrections/${c.correctionId}`} className="text-accent-700 underline underline-offset-2">
              correction #{c.correctionId}
            </Link>
          </p>
          <p className="text-xs text-zinc-600">Scope: {c.scope}</p>
        </div>
      </li>
    );
  }

  return (
    <li data-kind={c.kind}>
      <details open={c.kind === 'rule'} className="group">
        <summary className="flex cursor-pointer list-none gap-3 px-4 py-2.5 hover:bg-zinc-50">
          {points}
          <span className="min-w-0 flex-1">
            <span className="flex items-start justify-between gap-2">
              <span className="font-medium break-words text-zinc-900">{c.kind === 'rule' ? c.title : c.feature.replace(/^(message|sender|recipient)\./, '$1 · ')}</span>
              <Badge tone={c.kind === 'rule' ? (c.category === 'attack' ? 'danger' : c.category === 'spam' ? 'warning' : 'neutral') : 'neutral'}>{c.kind === 'rule' ? `rule · ${c.category}` : 'model'}</Badge>
            </span>
            {c.evidence.length ? <span className="text-xs text-zinc-500">{c.evidence.length} evidence</span> : null}
          </span>
        </summary>
        <div className="space-y-1.5 pr-4 pb-3 pl-[92px] text-sm">
          {c.kind === 'rule' ? (
            <>
              <p className="text-zinc-700">{c.description}</p>
              {c.expression ? (
                <pre className="rounded border border-zinc-200 bg-zinc-50 px-2 py-1 font-mono text-xs break-words whitespace-pre-wrap text-zinc-800">
                  <code>{c.expression}</code>
                </pre>
              ) : null}
              <p className="font-mono text-xs text-zinc-500">{c.ruleId}</p>
            </>
          ) : (
            <>
              <p className="text-zinc-700">{c.description}</p>
              <p className="font-mono text-xs text-zinc-600">
                value {round(c.value)} × weight {round(c.weight)} = {formatPoints(c.contribution)}
              </p>
            </>
          )}
          <EvidenceList evidence={c.evidence} />
        </div>
      </details>
    </li>
  );
}

function EvidenceList({ evidence }: { evidence: EvidenceRef[] }) {
  const { focus, activeId } = useEvidenceFocus();
  if (!evidence.length) return null;
  return (
    <ul aria-label="Evidence" className="space-y-1">
      {evidence.map((e, i) => (
        <li key={`${e.id ?? 'none'}-${i}`}>
          {e.id ? (
            <button
              type="button"
              onClick={() => focus(e)}
              aria-pressed={activeId === e.id}
              className={`w-full rounded border px-2 py-1 text-left text-xs ${activeId === e.id ? 'border-amber-500 bg-amber-50' : 'border-zinc-200 hover:border-zinc-400 hover:bg-zinc-50'}`}
            >
              <span className="text-zinc-500">{e.where}: </span>
              <mark className="rounded-sm bg-amber-100 font-mono break-all text-zinc-900">{clip(e.text)}</mark>
            </button>
          ) : (
            <span className="block px-2 py-1 text-xs">
              <span className="text-zinc-500">{e.where}: </span>
              <span className="font-mono break-all">{clip(e.text)}</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);
const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3));
