'use client';

import type { TextRun } from '@/lib/server/messages/detail/text';

/**
 * Message text as React text nodes (never HTML). Evidence runs are <mark>s carrying their ids
 * in data-ev (a run can belong to several); URLs are styled but never links.
 */
export function TextRuns({ runs, activeId }: { runs: TextRun[]; activeId: string | null }) {
  return (
    <>
      {runs.map((run, index) => {
        const content = run.url ? <span className="text-accent-700 underline decoration-dotted underline-offset-2">{run.text}</span> : run.text;
        if (!run.marks.length) return <span key={index}>{content}</span>;
        const active = activeId !== null && run.marks.includes(activeId);
        return (
          <mark key={index} data-ev={run.marks.join(' ')} data-active={active || undefined} className={active ? 'rounded-sm bg-amber-300 text-zinc-950 ring-2 ring-amber-500' : 'rounded-sm bg-amber-100 text-zinc-900'}>
            {content}
          </mark>
        );
      })}
    </>
  );
}
