'use client';

import { useState, type KeyboardEvent } from 'react';
import type { RuleDraft } from '@/lib/server/rulesets/input';

type Props = {
  rules: RuleDraft[];
  selected: string | null;
  stateOf: (rule: RuleDraft) => 'new' | 'edited' | 'unchanged';
  /** Rule ids with compile errors in the current draft. */
  failing: ReadonlySet<string>;
  thresholdsEdited: boolean;
  onSelect: (id: string | null) => void;
  onAdd: () => void;
};

const STATE_MARK = { new: { text: 'new', cls: 'text-emerald-700' }, edited: { text: 'edited', cls: 'text-amber-700' }, unchanged: null } as const;

/** The draft's rules, filterable; ↑/↓ move between them. `null` selects the thresholds. */
export function RuleList({ rules, selected, stateOf, failing, thresholdsEdited, onSelect, onAdd }: Props) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle ? rules.filter((r) => `${r.id} ${r.title} ${r.tags.join(' ')} ${r.expression}`.toLowerCase().includes(needle)) : rules;

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const ids = shown.map((r) => r.id);
    const at = selected === null ? -1 : ids.indexOf(selected);
    const next = ids[Math.min(ids.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next === undefined) return;
    onSelect(next);
    document.getElementById(`rule-item-${next}`)?.focus();
  }

  return (
    <nav aria-label="Rules" className="panel flex max-h-[calc(100vh-9rem)] flex-col overflow-hidden">
      <div className="flex items-center gap-2 border-b border-zinc-200 p-2">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={`Filter ${rules.length} rules`}
          aria-label="Filter rules by id, title, tag or expression"
          className="input h-7 min-w-0 flex-1"
        />
        <button type="button" className="btn h-7 px-2" onClick={onAdd}>
          Add rule
        </button>
      </div>
      <button
        type="button"
        onClick={() => onSelect(null)}
        aria-current={selected === null ? 'true' : undefined}
        className={`flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-left text-sm ${selected === null ? 'bg-accent-50 font-medium text-accent-700' : 'hover:bg-zinc-50'}`}
      >
        Verdict thresholds
        {thresholdsEdited ? <span className="text-xs text-amber-700">edited</span> : null}
      </button>
      <ul onKeyDown={onKeyDown} className="min-h-0 flex-1 divide-y divide-zinc-100 overflow-y-auto">
        {shown.map((r) => {
          const mark = STATE_MARK[stateOf(r)];
          const current = r.id === selected;
          return (
            <li key={r.id}>
              <button
                id={`rule-item-${r.id}`}
                type="button"
                onClick={() => onSelect(r.id)}
                aria-current={current ? 'true' : undefined}
                className={`block w-full px-3 py-1.5 text-left ${current ? 'bg-accent-50' : 'hover:bg-zinc-50'}`}
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`truncate font-mono text-xs ${r.enabled ? 'text-zinc-900' : 'text-zinc-400 line-through'}`}>{r.id}</span>
                  <span className="shrink-0 font-mono text-xs text-zinc-500">{r.score > 0 ? `+${r.score}` : r.score}</span>
                </span>
                <span className="flex items-baseline justify-between gap-2 text-xs">
                  <span className="truncate text-zinc-500">{r.title}</span>
                  <span className="flex shrink-0 gap-1.5">
                    {failing.has(r.id) ? <span className="font-medium text-red-700">error</span> : null}
                    {mark ? <span className={mark.cls}>{mark.text}</span> : null}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
        {shown.length === 0 ? <li className="px-3 py-4 text-sm text-zinc-500">No rule matches “{filter}”.</li> : null}
      </ul>
    </nav>
  );
}
