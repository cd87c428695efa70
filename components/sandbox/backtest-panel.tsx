'use client';

import { LabelBadge, VerdictBadge, formatPoints } from '@/components/message/verdict-badge';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/field';
import { formatDate } from '@/components/ui/format-date';
import type { Jsonified } from '@/lib/query/keys';
import type { BacktestResult } from '@/lib/server/sandbox/backtest';
import type { LabelSide } from '@/lib/server/sandbox/figures';

type Result = Jsonified<BacktestResult>;

type Props = {
  result: Result | undefined;
  /** The draft changed since this result was computed. */
  stale: boolean;
  pending: boolean;
  error: Error | null;
  canRun: boolean;
  onRun: () => void;
  onPick: (messageId: string) => void;
};

const n = (x: number) => x.toLocaleString('en-US');
const CHANGE = { flagged: { text: 'newly flagged', tone: 'danger' }, released: { text: 'released', tone: 'accent' }, verdict: { text: 'verdict only', tone: 'neutral' } } as const;

/** Replays the tenant's history through the draft and the published ruleset: what flips, and is it right. */
export function BacktestPanel({ result, stale, pending, error, canRun, onRun, onPick }: Props) {
  return (
    <section aria-labelledby="backtest-heading" className="panel overflow-hidden">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2.5">
        <div>
          <h2 id="backtest-heading" className="font-semibold text-zinc-900">Backtest</h2>
          <p className="text-xs text-zinc-500">The tenant’s stored messages, replayed through the published ruleset and this draft.</p>
        </div>
        <button type="button" className="btn" onClick={onRun} disabled={!canRun || pending}>
          {pending ? 'Backtesting…' : result ? 'Backtest again' : 'Backtest over history'}
        </button>
      </header>
      <div aria-live="polite" className="text-sm">
        {error ? <div className="p-3"><Notice tone="error">Backtest failed: {error.message}</Notice></div> : null}
        {!result && !error ? <p className="px-4 py-3 text-zinc-500">{canRun ? 'Run a backtest to see which verdicts this draft flips before you publish it.' : 'Fix the errors in the draft to backtest it.'}</p> : null}
        {result ? <BacktestResultView result={result} stale={stale} onPick={onPick} /> : null}
      </div>
    </section>
  );
}

function BacktestResultView({ result: r, stale, onPick }: { result: Result; stale: boolean; onPick: (id: string) => void }) {
  const range = r.oldest && r.newest ? ` received ${formatDate(r.oldest)} – ${formatDate(r.newest)}` : '';
  return (
    <div data-testid="backtest-result" className={stale ? 'opacity-60' : ''}>
      {stale ? <div className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-amber-900">The draft changed since this backtest. Run it again before publishing.</div> : null}
      {r.scanned === 0 ? (
        <p className="px-4 py-2.5">No messages are stored for this tenant yet, so there is no history to replay the draft over.</p>
      ) : (
        <p className="px-4 py-2.5">
          Replayed <strong>{n(r.replayed)}</strong> stored messages{range} in {n(r.elapsedMs)} ms
          {r.truncated ? ` (the newest ${n(r.scanned)}; older history was not replayed)` : ''}
          {r.skipped ? `; ${n(r.skipped)} stored with an older signal layout were skipped (re-score them first)` : ''}.{' '}
          {r.changed === 0 ? (
            <strong>No verdict changes.</strong>
          ) : (
            <>
              <strong>{n(r.changed)}</strong> change: <strong className={r.newlyFlagged ? 'text-red-700' : ''}>{n(r.newlyFlagged)} newly flagged</strong>
              {r.newlyFlaggedHam ? <> ({n(r.newlyFlaggedHam)} labelled ham)</> : null}, <strong className={r.released ? 'text-accent-700' : ''}>{n(r.released)} released</strong>
              {r.releasedMalicious ? <> ({n(r.releasedMalicious)} malicious)</> : null}, {n(r.changed - r.newlyFlagged - r.released)} change verdict only.
            </>
          )}
        </p>
      )}
      {r.newlyFlaggedHam > 0 || r.releasedMalicious > 0 ? (
        <div className="px-4 pb-2.5">
          <Notice tone="warning">
            {r.newlyFlaggedHam > 0 ? `${n(r.newlyFlaggedHam)} message${r.newlyFlaggedHam === 1 ? '' : 's'} labelled ham would be flagged. ` : ''}
            {r.releasedMalicious > 0 ? `${n(r.releasedMalicious)} malicious message${r.releasedMalicious === 1 ? '' : 's'} would be released.` : ''}
          </Notice>
        </div>
      ) : null}
      <div className="grid gap-4 border-t border-zinc-200 px-4 py-3 lg:grid-cols-2">
        <LabelTable labels={r.labels} />
        <RuleTable rules={r.rules} />
      </div>
      <FlipsTable result={r} onPick={onPick} />
    </div>
  );
}

function rate(part: number, whole: number) {
  return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

function LabelTable({ labels }: { labels: Result['labels'] }) {
  const rows: { label: string; whole: number; key: keyof LabelSide; better: 'up' | 'down' }[] = [
    { label: 'Phish caught', whole: labels.phish, key: 'phishCaught', better: 'up' },
    { label: 'Spam caught', whole: labels.spam, key: 'spamCaught', better: 'up' },
    { label: 'Ham flagged', whole: labels.ham, key: 'hamFlagged', better: 'down' },
  ];
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium text-zinc-500">Against labelled messages</h3>
      {labels.phish + labels.spam + labels.ham === 0 ? (
        <p className="text-zinc-500">No stored message carries a label, so recall and false positives cannot be measured here.</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col" /><th scope="col">Published</th><th scope="col">Draft</th></tr>
          </thead>
          <tbody>
            {rows.map(({ label, whole, key, better }) => {
              const delta = labels.after[key] - labels.before[key];
              const good = delta === 0 ? '' : (delta > 0) === (better === 'up') ? 'text-emerald-700' : 'text-red-700';
              return (
                <tr key={key}>
                  <td className="text-zinc-500">{label} <span className="text-xs">of {n(whole)}</span></td>
                  <td className="font-mono text-xs">{n(labels.before[key])} · {rate(labels.before[key], whole)}</td>
                  <td className={`font-mono text-xs ${good}`}>{n(labels.after[key])} · {rate(labels.after[key], whole)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RuleTable({ rules }: { rules: Result['rules'] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-medium text-zinc-500">Rules that fire differently</h3>
      {rules.length === 0 ? (
        <p className="text-zinc-500">Every rule fires on the same messages as before.</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">Rule</th><th scope="col">Published</th><th scope="col">Draft</th><th scope="col">On ham</th></tr>
          </thead>
          <tbody>
            {rules.slice(0, 12).map((r) => (
              <tr key={r.id}>
                <td className="font-mono text-xs">{r.id}</td>
                <td className="font-mono text-xs">{n(r.before)}</td>
                <td className="font-mono text-xs">{n(r.after)}</td>
                <td className={`font-mono text-xs ${r.afterOnHam ? 'text-red-700' : ''}`}>{n(r.afterOnHam)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function FlipsTable({ result: r, onPick }: { result: Result; onPick: (id: string) => void }) {
  if (r.flips.length === 0) return null;
  return (
    <div className="overflow-x-auto border-t border-zinc-200">
      <table className="table" aria-label="Messages whose verdict changes">
        <thead>
          <tr>
            <th scope="col">Change</th><th scope="col">Received</th><th scope="col">Message</th><th scope="col">Published</th><th scope="col">Draft</th><th scope="col">Rules</th>
          </tr>
        </thead>
        <tbody>
          {r.flips.map((f) => (
            <tr key={f.id}>
              <td><Badge tone={CHANGE[f.change].tone}>{CHANGE[f.change].text}</Badge></td>
              <td className="whitespace-nowrap text-xs text-zinc-500">{formatDate(f.receivedAt)}</td>
              <td className="max-w-md">
                <button type="button" className="block max-w-full truncate text-left text-accent-700 hover:underline" onClick={() => onPick(f.id)} title="Re-score this message live">
                  {f.subject || '(no subject)'}
                </button>
                <span className="flex items-center gap-2 text-xs text-zinc-500"><span className="truncate">{f.fromAddress}</span>{f.label ? <LabelBadge label={f.label} /> : null}</span>
              </td>
              <td className="whitespace-nowrap"><VerdictBadge verdict={f.before.verdict} /> <span className="font-mono text-xs">{formatPoints(f.before.score, false)}</span></td>
              <td className="whitespace-nowrap"><VerdictBadge verdict={f.after.verdict} /> <span className="font-mono text-xs">{formatPoints(f.after.score, false)}</span></td>
              <td className="font-mono text-xs">
                {f.rulesAdded.length + f.rulesRemoved.length === 0 ? <span className="text-zinc-400" title="The same rules fire; points or thresholds moved">same rules</span> : null}
                {f.rulesAdded.map((id) => <span key={`+${id}`} className="block text-red-700">+{id}</span>)}
                {f.rulesRemoved.map((id) => <span key={`-${id}`} className="block text-accent-700">−{id}</span>)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.flipsTruncated ? <p className="border-t border-zinc-200 px-4 py-1.5 text-xs text-zinc-500">Showing {n(r.flips.length)} of {n(r.changed)} changes: newly flagged first, then released.</p> : null}
    </div>
  );
}
