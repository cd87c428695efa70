'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describedBy, FieldError, Notice } from '@/components/ui/field';
import { correctionQuery } from '@/lib/query/keys';
import { ActionFailedError, issuesByPath, unwrap, type ActionResult } from './action-result';
import type { Detail } from './detail-types';
import { EditForm, type EditInput } from './edit-form';

export type Viewer = { id: string; role: 'support' | 'engineer' | 'admin' };

type Versioned = { id: number; version: number };
export type CorrectionActionFns = {
  approve: (input: Versioned & { comment?: string }) => Promise<ActionResult<number>>;
  reject: (input: Versioned & { comment?: string }) => Promise<ActionResult<number>>;
  revoke: (input: Versioned & { reason: string }) => Promise<ActionResult<number>>;
  edit: (input: EditInput) => Promise<ActionResult<number>>;
};

type Props = { tenant: string; correction: Detail; viewer: Viewer; actions: CorrectionActionFns };

/**
 * Approve / reject (admins, never the author), revoke, edit. Each sends the version the page
 * shows; a 409 means someone else changed it first, and the page offers a reload instead of
 * overwriting their change.
 */
export function CorrectionActions({ tenant, correction: c, viewer, actions }: Props) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [revokeReason, setRevokeReason] = useState('');
  // Field issues are shown on the form whose action produced them ("reason" exists in two).
  const [lastAction, setLastAction] = useState<'decide' | 'revoke' | 'edit'>('decide');
  const refresh = () => queryClient.invalidateQueries({ queryKey: correctionQuery(tenant, c.id).queryKey });

  const mutation = useMutation({
    mutationFn: async (run: () => Promise<ActionResult<number>>) => unwrap(await run()),
    onSuccess: async () => {
      setComment('');
      setRevokeReason('');
      await refresh();
    },
  });
  const failure = mutation.error instanceof ActionFailedError ? mutation.error.failure : null;
  const stale = failure?.code === 'conflict' && /changed by someone else/i.test(failure.message);
  const allErrors = issuesByPath(failure?.issues);
  const errorsFor = (action: typeof lastAction) => (action === lastAction ? allErrors : {});

  const isAdmin = viewer.role === 'admin';
  const isAuthor = c.createdBy.id === viewer.id;
  const live = c.status === 'pending' || c.status === 'active';
  const decideBlocked = !isAdmin ? 'Only admins approve or reject corrections.' : isAuthor ? 'You filed this correction: another admin must decide it.' : null;
  const changeBlocked = isAdmin || isAuthor ? null : 'Only admins or the person who filed it can revoke or edit it.';
  const busy = mutation.isPending;

  function decide(outcome: 'approve' | 'reject') {
    const input = { id: c.id, version: c.version, comment: comment.trim() || undefined };
    setLastAction('decide');
    mutation.mutate(() => actions[outcome](input));
  }

  function revoke(event: FormEvent) {
    event.preventDefault();
    setLastAction('revoke');
    mutation.mutate(() => actions.revoke({ id: c.id, version: c.version, reason: revokeReason }));
  }

  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading" className="border-b border-zinc-200 px-3 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">
        Actions
      </h2>
      <div className="space-y-4 px-3 py-3">
        {stale ? (
          <div role="alert" className="flex items-center justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
            <span>Changed by someone else — reload to see the current version.</span>
            <button type="button" className="btn h-6" onClick={() => refresh().then(() => mutation.reset())}>
              Reload
            </button>
          </div>
        ) : failure && !failure.issues?.length ? (
          <Notice tone="error">{failure.message}</Notice>
        ) : null}

        {!live ? <p className="text-zinc-600">This correction is {c.status}; it no longer applies and cannot be changed.</p> : null}

        {c.status === 'pending' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              decide('approve');
            }}
            aria-labelledby="decide-heading"
          >
            <h3 id="decide-heading" className="mb-1.5 font-medium text-zinc-900">
              Approve or reject
            </h3>
            <label htmlFor="decision-comment" className="mb-1 block text-[13px] text-zinc-700">
              Comment <span className="text-zinc-400">(required to reject)</span>
            </label>
            <textarea
              id="decision-comment"
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              disabled={!!decideBlocked}
              aria-invalid={errorsFor('decide').comment ? true : undefined}
              aria-describedby={describedBy('decision-comment', { hint: decideBlocked, error: errorsFor('decide').comment })}
              className="input h-auto py-1.5"
            />
            <FieldError id="decision-comment" error={errorsFor('decide').comment} />
            <div className="mt-2 flex items-center gap-2">
              <button type="submit" className="btn btn-primary" disabled={!!decideBlocked || busy}>
                Approve
              </button>
              <button type="button" className="btn" disabled={!!decideBlocked || busy} onClick={() => decide('reject')}>
                Reject
              </button>
            </div>
            {decideBlocked ? (
              <p id="decision-comment-hint" className="mt-1.5 text-sm text-zinc-500">
                {decideBlocked}
              </p>
            ) : null}
          </form>
        ) : null}

        {live ? (
          <form onSubmit={revoke} aria-labelledby="revoke-heading">
            <h3 id="revoke-heading" className="mb-1.5 font-medium text-zinc-900">
              Revoke
            </h3>
            <label htmlFor="revoke-reason" className="mb-1 block text-[13px] text-zinc-700">
              Reason
            </label>
            <input
              id="revoke-reason"
              value={revokeReason}
              onChange={(e) => setRevokeReason(e.target.value)}
              disabled={!!changeBlocked}
              aria-invalid={errorsFor('revoke').reason ? true : undefined}
              aria-describedby={describedBy('revoke-reason', { hint: changeBlocked, error: errorsFor('revoke').reason })}
              className="input"
              placeholder={c.status === 'active' ? 'e.g. vendor confirmed the account was compromised' : 'e.g. filed by mistake'}
            />
            <FieldError id="revoke-reason" error={errorsFor('revoke').reason} />
            <div className="mt-2 flex items-center gap-2">
              <button type="submit" className="btn border-red-300 text-red-700 hover:border-red-400 hover:bg-red-50" disabled={!!changeBlocked || busy}>
                Revoke
              </button>
              {c.status === 'active' ? <span className="text-sm text-zinc-500">Released messages are re-scored back.</span> : null}
            </div>
            {changeBlocked ? (
              <p id="revoke-reason-hint" className="mt-1.5 text-sm text-zinc-500">
                {changeBlocked}
              </p>
            ) : null}
          </form>
        ) : null}

        {live && !changeBlocked ? (
          <EditForm
            key={c.version}
            correction={c}
            isAdmin={isAdmin}
            busy={busy}
            errors={errorsFor('edit')}
            onSave={(input) => {
              setLastAction('edit');
              mutation.mutate(() => actions.edit(input));
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
