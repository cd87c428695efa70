'use client';

import { useRef, useState } from 'react';
import { describedBy, Field } from '@/components/ui/field';
import type { Diagnostic, SignalDef } from '@/lib/engine/types';
import { RULE_CATEGORIES, ruleIdPattern, type RuleDraft } from '@/lib/server/rulesets/input';
import { ExpressionDiagnostics } from './expression-diagnostics';
import { SignalReference } from './signal-reference';

type Props = {
  rule: RuleDraft;
  state: 'new' | 'edited' | 'unchanged';
  diagnostics: Diagnostic[];
  /** Field-level problems the shared schema finds before anything is sent. */
  errors: Partial<Record<keyof RuleDraft, string>>;
  signals: SignalDef[];
  takenIds: ReadonlySet<string>;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRename: (id: string) => void;
  onRevert: () => void;
  onRemove: () => void;
};

/** One rule of the draft. Every change re-checks the draft and re-scores the chosen message. */
export function RuleEditor({ rule, state, diagnostics, errors, signals, takenIds, onChange, onRename, onRevert, onRemove }: Props) {
  const expression = useRef<HTMLTextAreaElement>(null);
  const [tagsText, setTagsText] = useState(rule.tags.join(', '));
  // A revert replaces the tags from outside: show them (React's "adjust state on prop change").
  const [shownTags, setShownTags] = useState(rule.tags);
  if (shownTags !== rule.tags) {
    setShownTags(rule.tags);
    setTagsText(rule.tags.join(', '));
  }
  const [idText, setIdText] = useState(rule.id);
  const idError = idText === rule.id ? undefined : !ruleIdPattern.test(idText) ? 'Use 2–80 lower-case letters, digits or _, starting with a letter' : takenIds.has(idText) ? 'Another rule has this id' : undefined;

  // Inserts a signal name at the caret, so the catalog is a click away from the expression.
  function insert(name: string) {
    const el = expression.current;
    const start = el?.selectionStart ?? rule.expression.length;
    const end = el?.selectionEnd ?? start;
    onChange({ expression: rule.expression.slice(0, start) + name + rule.expression.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + name.length, start + name.length);
    });
  }

  return (
    <section aria-labelledby="rule-heading" className="panel space-y-3 p-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="rule-heading" className="truncate font-mono text-sm font-semibold text-zinc-900">{rule.id}</h2>
          <p className="text-xs text-zinc-500">{state === 'new' ? 'New in this draft' : state === 'edited' ? 'Edited in this draft' : 'As published'}</p>
        </div>
        <div className="flex gap-2">
          {state === 'edited' ? <button type="button" className="btn h-7 px-2" onClick={onRevert}>Revert rule</button> : null}
          {state === 'new' ? <button type="button" className="btn h-7 px-2" onClick={onRemove}>Remove rule</button> : null}
        </div>
      </header>

      {state === 'new' ? (
        <Field id="rule-id" label="Rule id" hint="Corrections and stored decisions refer to rules by id; it cannot change once published." error={idError}>
          <input
            id="rule-id"
            value={idText}
            onChange={(e) => setIdText(e.target.value.trim())}
            onBlur={() => (idError || idText === rule.id ? undefined : onRename(idText))}
            aria-invalid={idError ? true : undefined}
            aria-describedby={describedBy('rule-id', { hint: true, error: idError })}
            autoComplete="off"
            spellCheck={false}
            className="input font-mono"
          />
        </Field>
      ) : null}

      <Field id="rule-title" label="Title" error={errors.title}>
        <input id="rule-title" value={rule.title} onChange={(e) => onChange({ title: e.target.value })} aria-invalid={errors.title ? true : undefined} aria-describedby={describedBy('rule-title', { error: errors.title })} className="input" />
      </Field>

      <Field id="rule-expression" label="Expression" hint="CEL over the signal catalog; it must be a bool. Type-checked as you type." error={errors.expression}>
        <textarea
          id="rule-expression"
          ref={expression}
          rows={Math.min(10, Math.max(3, rule.expression.split('\n').length + 1))}
          value={rule.expression}
          onChange={(e) => onChange({ expression: e.target.value })}
          spellCheck={false}
          aria-invalid={diagnostics.length || errors.expression ? true : undefined}
          aria-describedby={`${describedBy('rule-expression', { hint: true, error: errors.expression }) ?? ''} rule-expression-diagnostics`.trim()}
          className="input h-auto py-1.5 font-mono text-[13px] leading-5"
        />
      </Field>
      <ExpressionDiagnostics id="rule-expression-diagnostics" expression={rule.expression} diagnostics={diagnostics} />

      <div className="grid grid-cols-[8rem_10rem_1fr] items-start gap-3">
        <Field id="rule-score" label="Points" error={errors.score}>
          <input
            id="rule-score"
            type="number"
            step="0.5"
            value={Number.isFinite(rule.score) ? rule.score : ''}
            onChange={(e) => onChange({ score: e.target.valueAsNumber })}
            aria-invalid={errors.score ? true : undefined}
            aria-describedby={describedBy('rule-score', { error: errors.score })}
            className="input font-mono"
          />
        </Field>
        <Field id="rule-category" label="Category">
          <select id="rule-category" value={rule.category} onChange={(e) => onChange({ category: e.target.value as RuleDraft['category'] })} className="input">
            {RULE_CATEGORIES.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </Field>
        <div className="pt-6">
          <label className="flex cursor-pointer items-center gap-2 text-sm">
            <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} className="accent-accent-600" />
            Enabled
          </label>
        </div>
      </div>

      <Field id="rule-description" label="Description" error={errors.description}>
        <textarea id="rule-description" rows={2} value={rule.description} onChange={(e) => onChange({ description: e.target.value })} className="input h-auto py-1.5" />
      </Field>
      <Field id="rule-tags" label="Tags" hint="Comma-separated." error={errors.tags}>
        <input
          id="rule-tags"
          value={tagsText}
          onChange={(e) => setTagsText(e.target.value)}
          onBlur={() => onChange({ tags: tagsText.split(',').map((t) => t.trim()).filter(Boolean) })}
          aria-describedby={describedBy('rule-tags', { hint: true, error: errors.tags })}
          className="input"
        />
      </Field>

      <SignalReference signals={signals} onInsert={insert} />
    </section>
  );
}
