'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useListNavigation } from './list-frame';
import { sortLabels, sortValues, verdictValues, viewHref, viewQuery, withChanges, type ListView, type ViewKey } from './search-params';

export type RuleChoice = { id: string; title: string; category: string };

type Props = {
  base: string;
  view: ListView;
  /** Keys whose URL value was unusable (shown invalid; the page lists the reasons). */
  invalid: ViewKey[];
  rules: RuleChoice[];
};

type Draft = Omit<ListView, 'sort' | 'cursor'> & { sort: ListView['sort'] };

const textKeys = ['q', 'sender', 'domain', 'recipient', 'from', 'to'] as const;

/** Search box, filters and sort. Selects apply at once; typed fields on Enter or Apply. */
export function ListControls({ base, view, invalid, rules }: Props) {
  const { navigate } = useListNavigation();
  const query = viewQuery(view);
  const [draft, setDraft] = useState<Draft>(view);
  const [shown, setShown] = useState(query);
  // A new URL (back button, pagination, a pasted link) resets what the fields show.
  if (query !== shown) {
    setShown(query);
    setDraft(view);
  }

  const apply = (next: Draft) => {
    // Everything comes from the fields; the cursor is dropped (new filters start at page one).
    const changes: Partial<ListView> = { ...next };
    delete changes.cursor;
    for (const key of textKeys) changes[key] = next[key]?.trim() || undefined;
    navigate(viewHref(base, withChanges({ sort: view.sort }, changes)));
  };
  const set = (key: keyof Draft, now = false) => (value: string) => {
    const next = { ...draft, [key]: value || undefined } as Draft;
    setDraft(next);
    if (now) apply(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const bad = (key: ViewKey) => invalid.includes(key) || undefined;
  const categories = [...new Set(rules.map((r) => r.category))];
  const unknownRule = draft.rule && !rules.some((r) => r.id === draft.rule) ? draft.rule : null;

  return (
    <form onSubmit={onSubmit} role="search" aria-label="Messages" className="space-y-2 border-b border-zinc-200 px-3 py-2.5">
      <div className="flex items-end gap-2">
        <div className="relative min-w-0 flex-1">
          <label htmlFor="message-search" className="sr-only">
            Search messages
          </label>
          <input
            id="message-search"
            type="search"
            className="input h-8 pr-10"
            placeholder="Search subjects, or paste a Message-ID or message id"
            value={draft.q ?? ''}
            onChange={(e) => set('q')(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
            aria-invalid={bad('q')}
            autoComplete="off"
            spellCheck={false}
          />
          <kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-200 bg-zinc-50 px-1.5 font-mono text-xs text-zinc-500" aria-hidden="true">
            /
          </kbd>
        </div>
        <button type="submit" className="btn h-8">
          Search
        </button>
        <TextField id="f-from" label="Received from (UTC)" type="date" value={draft.from} onChange={set('from')} invalid={bad('from')} className="h-8 w-40" />
        <TextField id="f-to" label="Received to" type="date" value={draft.to} onChange={set('to')} invalid={bad('to')} className="h-8 w-40" />
        <Field label="Sort" htmlFor="f-sort">
          <select id="f-sort" className="input h-8 w-40" value={draft.sort} onChange={(e) => set('sort', true)(e.target.value)} aria-invalid={bad('sort')}>
            {sortValues.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap items-end gap-x-2 gap-y-2">
        <Field label="Verdict" htmlFor="f-verdict">
          <select id="f-verdict" className="input h-7 w-28" value={draft.verdict ?? ''} onChange={(e) => set('verdict', true)(e.target.value)} aria-invalid={bad('verdict')}>
            <option value="">Any</option>
            {verdictValues.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Flagged" htmlFor="f-flagged">
          <select id="f-flagged" className="input h-7 w-32" value={draft.flagged ?? ''} onChange={(e) => set('flagged', true)(e.target.value)} aria-invalid={bad('flagged')}>
            <option value="">Any</option>
            <option value="yes">Flagged</option>
            <option value="no">Not flagged</option>
          </select>
        </Field>
        <Field label="Rule fired" htmlFor="f-rule">
          <select id="f-rule" className="input h-7 w-56" value={draft.rule ?? ''} onChange={(e) => set('rule', true)(e.target.value)} aria-invalid={bad('rule')}>
            <option value="">Any rule</option>
            {unknownRule ? <option value={unknownRule}>{unknownRule} (not in the current ruleset)</option> : null}
            {categories.map((category) => (
              <optgroup key={category} label={category}>
                {rules
                  .filter((r) => r.category === category)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field label="Ground truth" htmlFor="f-label">
          <select id="f-label" className="input h-7 w-28" value={draft.label ?? ''} onChange={(e) => set('label', true)(e.target.value)} aria-invalid={bad('label')}>
            <option value="">Any</option>
            <option value="yes">Labelled</option>
            <option value="no">Unlabelled</option>
          </select>
        </Field>
        <TextField id="f-sender" label="Sender" placeholder="name@example.com" value={draft.sender} onChange={set('sender')} invalid={bad('sender')} className="h-7 w-48" />
        <TextField id="f-domain" label="Sender domain" placeholder="example.com" value={draft.domain} onChange={set('domain')} invalid={bad('domain')} className="h-7 w-36" />
        <TextField id="f-recipient" label="Recipient" placeholder="name@tenant" value={draft.recipient} onChange={set('recipient')} invalid={bad('recipient')} className="h-7 w-44" />
        <button type="submit" className="btn btn-primary h-7">
          Apply
        </button>
      </div>
    </form>
  );
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={htmlFor} className="text-xs font-medium text-zinc-500">
        {label}
      </label>
      {children}
    </div>
  );
}

type TextFieldProps = {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  invalid: true | undefined;
  /** Height and width classes. */
  className: string;
  type?: 'text' | 'date';
  placeholder?: string;
};

function TextField({ id, label, value, onChange, invalid, className, type = 'text', placeholder }: TextFieldProps) {
  return (
    <Field label={label} htmlFor={id}>
      <input
        id={id}
        type={type}
        className={`input ${className}`}
        value={value ?? ''}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
  );
}
