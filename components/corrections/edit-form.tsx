'use client';

import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { describedBy, FieldError } from '@/components/ui/field';
import { isoDate } from '@/components/ui/format-date';
import type { editCorrectionInput } from '@/lib/server/corrections/input';
import type { Detail } from './detail-types';

export type EditInput = z.input<typeof editCorrectionInput>;

type Props = {
  correction: Detail;
  isAdmin: boolean;
  busy: boolean;
  errors: Record<string, string>;
  onSave: (input: EditInput) => void;
};

type ExpiryEdit = 'keep' | '7' | '30' | '90' | 'date' | 'never';

/** Changes reason, ticket or expiry; sends only what changed (the scope never changes). */
export function EditForm({ correction: c, isAdmin, busy, errors, onSave }: Props) {
  const [reason, setReason] = useState(c.reason);
  const [ticket, setTicket] = useState(c.ticket ?? '');
  const [expiry, setExpiry] = useState<ExpiryEdit>('keep');
  const [date, setDate] = useState(c.expiresAt ? isoDate(c.expiresAt) : '');
  const [localError, setLocalError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: EditInput = { id: c.id, version: c.version };
    if (reason.trim() !== c.reason) input.reason = reason;
    if (ticket.trim() !== (c.ticket ?? '')) input.ticket = ticket.trim() || null;
    if (expiry === 'never') input.expiry = { kind: 'never' };
    else if (expiry === 'date') input.expiry = { kind: 'date', date: date ? `${date}T23:59:59.999Z` : '' };
    else if (expiry !== 'keep') input.expiry = { kind: 'days', days: Number(expiry) as 7 | 30 | 90 };
    if (input.reason === undefined && input.ticket === undefined && input.expiry === undefined) {
      setLocalError('Nothing changed yet.');
      return;
    }
    setLocalError(null);
    onSave(input);
  }

  const expiryError = errors['expiry.date'] ?? errors.expiry;
  return (
    <details className="group" open={Object.keys(errors).length > 0 || undefined}>
      <summary className="cursor-pointer font-medium text-zinc-900">Edit reason, ticket or expiry</summary>
      <form onSubmit={submit} className="mt-2 space-y-2.5">
        <div>
          <label htmlFor="edit-reason" className="mb-1 block text-[13px] text-zinc-700">
            Reason
          </label>
          <textarea
            id="edit-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describedBy('edit-reason', { error: errors.reason })}
            className="input h-auto py-1.5"
          />
          <FieldError id="edit-reason" error={errors.reason} />
        </div>
        <div>
          <label htmlFor="edit-ticket" className="mb-1 block text-[13px] text-zinc-700">
            Ticket
          </label>
          <input id="edit-ticket" value={ticket} onChange={(e) => setTicket(e.target.value)} className="input" aria-describedby={describedBy('edit-ticket', { error: errors.ticket })} />
          <FieldError id="edit-ticket" error={errors.ticket} />
        </div>
        <div>
          <label htmlFor="edit-expiry" className="mb-1 block text-[13px] text-zinc-700">
            Expiry
          </label>
          <div className="flex gap-1.5">
            <select id="edit-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryEdit)} className="input" aria-describedby={describedBy('edit-expiry', { error: expiryError })}>
              <option value="keep">Keep the current expiry</option>
              <option value="7">7 days from now</option>
              <option value="30">30 days from now</option>
              <option value="90">90 days from now</option>
              <option value="date">Until a date…</option>
              {isAdmin ? <option value="never">Never expires</option> : null}
            </select>
            {expiry === 'date' ? (
              <>
                <label htmlFor="edit-expiry-date" className="sr-only">
                  Expiry date
                </label>
                <input id="edit-expiry-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} className="input w-40" />
              </>
            ) : null}
          </div>
          <FieldError id="edit-expiry" error={expiryError} />
        </div>
        {localError || errors[''] ? <p className="text-sm text-red-700">{localError ?? errors['']}</p> : null}
        <button type="submit" className="btn" disabled={busy}>
          Save changes
        </button>
      </form>
    </details>
  );
}
