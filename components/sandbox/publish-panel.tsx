'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describedBy, Field, Notice } from '@/components/ui/field';
import { sandboxKeys, sandboxRequests } from '@/lib/query/keys';
import { publishRulesetInput } from '@/lib/server/rulesets/change-input';
import type { RulesetDraft } from '@/lib/server/rulesets/input';
import type { RulesetDiff } from '@/lib/server/rulesets/diff';

type Props = {
  tenant: string;
  draft: RulesetDraft;
  baseVersion: string;
  changes: RulesetDiff;
  /** Why publishing is not possible yet; null when it is. */
  blocker: string | null;
  onPublished: () => void;
};

/** Publishes the backtested draft as the next ruleset version, for every tenant. */
export function PublishPanel({ tenant, draft, baseVersion, changes, blocker, onPublished }: Props) {
  const router = useRouter();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const publish = useMutation({
    mutationKey: sandboxKeys.publish(tenant),
    mutationFn: () => sandboxRequests.publish(tenant, { draft, baseVersion, note: note.trim() }),
    onSuccess: () => {
      onPublished();
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The server's own rule for the note, so the form and the operation cannot disagree.
    const checked = publishRulesetInput.shape.note.safeParse(note);
    if (!checked.success) {
      setNoteError(checked.error.issues[0]?.message);
      document.getElementById('publish-note')?.focus();
      return;
    }
    setNoteError(undefined);
    if (!blocker) publish.mutate();
  }

  const summary = [
    changes.added.length ? `${changes.added.length} added` : '',
    changes.changed.length ? `${changes.changed.length} edited` : '',
    changes.removed.length ? `${changes.removed.length} removed` : '',
    changes.thresholds ? 'thresholds changed' : '',
  ].filter(Boolean);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="publish-heading" className="panel space-y-3 p-4">
      <header>
        <h2 id="publish-heading" className="font-semibold text-zinc-900">Publish</h2>
        <p className="text-xs text-zinc-500">
          Becomes the ruleset every tenant’s new mail is scored with. Based on {baseVersion}
          {summary.length ? `: ${summary.join(', ')}.` : '; nothing changed yet.'}
        </p>
      </header>
      {changes.changed.length ? (
        <ul className="space-y-0.5 font-mono text-xs text-zinc-600">
          {changes.changed.slice(0, 8).map((c) => (
            <li key={c.id}>{c.id} <span className="text-zinc-400">({c.fields.join(', ')})</span></li>
          ))}
          {changes.changed.length > 8 ? <li>…and {changes.changed.length - 8} more</li> : null}
        </ul>
      ) : null}
      <Field id="publish-note" label="What changed and why" error={noteError}>
        <textarea
          id="publish-note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy('publish-note', { error: noteError })}
          className="input h-auto py-1.5"
        />
      </Field>
      {publish.isError ? <Notice tone="error">{publish.error.message}</Notice> : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={blocker !== null || publish.isPending || publish.isSuccess}>
          {publish.isPending || publish.isSuccess ? 'Publishing…' : 'Publish new version'}
        </button>
        {blocker ? <span className="text-sm text-zinc-500">{blocker}</span> : null}
      </div>
    </form>
  );
}
