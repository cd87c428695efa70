'use client';

import { useState } from 'react';
import type { SignalDef } from '@/lib/engine/types';

/** The signal catalog an expression may read, filterable; choosing one inserts it at the caret. */
export function SignalReference({ signals, onInsert }: { signals: SignalDef[]; onInsert: (name: string) => void }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle ? signals.filter((s) => `${s.name} ${s.description}`.toLowerCase().includes(needle)) : signals;
  return (
    <details className="rounded-md border border-zinc-200">
      <summary className="cursor-pointer px-3 py-1.5 text-sm text-zinc-700">Signals ({signals.length})</summary>
      <div className="border-t border-zinc-200 p-2">
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter signals" aria-label="Filter signals" className="input h-7" />
      </div>
      <ul className="max-h-64 divide-y divide-zinc-100 overflow-y-auto border-t border-zinc-200 text-xs">
        {shown.map((s) => (
          <li key={s.name} className="flex items-baseline gap-2 px-3 py-1">
            <button type="button" className="shrink-0 font-mono text-accent-700 hover:underline" onClick={() => onInsert(s.name)} title="Insert at the caret">
              {s.name}
            </button>
            <span className="shrink-0 text-zinc-400">{s.type}</span>
            <span className="min-w-0 text-zinc-600">{s.description}</span>
          </li>
        ))}
        {shown.length === 0 ? <li className="px-3 py-2 text-zinc-500">No signal matches “{filter}”.</li> : null}
      </ul>
    </details>
  );
}
