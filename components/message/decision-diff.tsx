import type { ContributionChange, DecisionSummary } from '@/lib/server/messages/detail/diff';
import { ActionText, formatPoints, VerdictBadge } from './verdict-badge';

type Labels = { before: string; after: string };

/** Two decisions side by side: verdict, score, action and the ruleset each came from. */
export function DecisionDiffTable({ before, after, labels = { before: 'Before', after: 'After' } }: { before: DecisionSummary; after: DecisionSummary; labels?: Labels }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{labels.before}</th>
          <th scope="col">{labels.after}</th>
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
  );
}

/** What appeared, disappeared or moved between two decisions, largest movement first. */
export function ContributionChanges({ changes }: { changes: ContributionChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul aria-label="Contribution changes" className="divide-y divide-zinc-100 border-t border-zinc-200">
      {changes.map((c) => (
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
  );
}
