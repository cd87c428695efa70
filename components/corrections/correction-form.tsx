'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describedBy, Field, Notice } from '@/components/ui/field';
import type { CorrectionDraft } from '@/lib/server/corrections/input';
import { ActionFailedError, unwrap, type ActionResult } from './action-result';
import { initialValues, toDraft, toFieldErrors, validate, type FieldErrors, type FieldName, type FormValues, type OriginMessage } from './form-values';
import { ImpactPanel, type ImpactPreview } from './impact-panel';
import { OriginMessageCard } from './origin-message-card';
import { ScopeFieldset } from './scope-fieldset';
import { ExpiryFieldset, GuardFieldset } from './terms-fieldsets';

export type CreatedCorrection = { id: number; created: boolean };

type Props = {
  tenant: string;
  tenantName: string;
  message: OriginMessage;
  isAdmin: boolean;
  previewAction: (draft: CorrectionDraft) => Promise<ActionResult<ImpactPreview>>;
  createAction: (input: CorrectionDraft & { acknowledgedWarnings: string[] }) => Promise<ActionResult<CreatedCorrection>>;
};

// Focus moves to the first field with an error, in the order they appear on the page.
const fieldOrder: FieldName[] = ['scopeKind', 'ruleId', 'address', 'domain', 'fingerprint', 'allTenants', 'authGuardReason', 'expiry', 'expiryDate', 'reason', 'ticket'];

/**
 * The new-correction form: fill in → preview the impact (server replays it over the tenant's
 * history) → acknowledge each guardrail warning → create. Any edit throws the preview away, so
 * what gets created is always what was previewed.
 */
export function CorrectionForm({ tenant, tenantName, message, isAdmin, previewAction, createAction }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(() => initialValues(message));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());

  // Server issues land on their fields; an issue about acknowledgements means the warnings
  // changed since the preview (someone filed an overlapping correction), so preview again.
  const onFailure = (error: Error) => {
    if (!(error instanceof ActionFailedError) || !error.failure.issues?.length) return;
    const issues = error.failure.issues;
    if (issues.some((i) => i.path.startsWith('acknowledgedWarnings'))) {
      preview.reset();
      setAcknowledged(new Set());
      setServerErrors({ form: `${error.failure.message} Preview again to see the current warnings.` });
      return;
    }
    const fieldErrors = toFieldErrors(issues);
    if (fieldErrors.form === undefined && Object.keys(fieldErrors).length === 0) return;
    setServerErrors(fieldErrors);
    focusFirst(fieldErrors);
  };
  const preview = useMutation({
    mutationFn: async (draft: CorrectionDraft) => unwrap(await previewAction(draft)),
    onError: onFailure,
  });
  const create = useMutation({
    mutationFn: async (input: CorrectionDraft & { acknowledgedWarnings: string[] }) => unwrap(await createAction(input)),
    onSuccess: ({ id, created }) => router.push(`/t/${tenant}/corrections/${id}${created ? '?notice=created' : '?notice=existing'}`),
    onError: onFailure,
  });

  const errors: FieldErrors = { ...(showErrors ? validate(values, tenant, message.id) : {}), ...serverErrors };
  const warnings = preview.data?.warnings ?? [];
  const allAcknowledged = warnings.every((w) => acknowledged.has(w.code));

  function change(patch: Partial<FormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setServerErrors({});
    setAcknowledged(new Set());
    preview.reset();
    create.reset();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    const clientErrors = validate(values, tenant, message.id);
    if (Object.keys(clientErrors).length > 0) return focusFirst(clientErrors);
    const draft = toDraft(values, tenant, message.id);
    if (!preview.data) return preview.mutate(draft);
    if (allAcknowledged && !create.isPending && !create.isSuccess) create.mutate({ ...draft, acknowledgedWarnings: [...acknowledged] });
  }

  // Failures with field issues show on the fields; the rest (and issues for no field) show here.
  const unplaced = [preview.error, create.error].find((e) => e && !(e instanceof ActionFailedError && e.failure.issues?.length));
  const formError = serverErrors.form ?? unplaced?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_400px]">
      {/* Submitted before hydration, the form is a plain GET: this brings it back to the same message. */}
      <input type="hidden" name="message" value={message.id} />
      <div className="panel space-y-5 p-4">
        <ScopeFieldset values={values} errors={errors} message={message} onChange={change} />

        {isAdmin ? (
          <fieldset>
            <legend className="mb-1.5 text-[13px] font-medium text-zinc-800">Tenant</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              <label className="flex cursor-pointer items-center gap-2">
                <input type="radio" name="allTenants" checked={!values.allTenants} onChange={() => change({ allTenants: false })} className="accent-accent-600" />
                This tenant ({tenantName})
              </label>
              <label className="flex cursor-pointer items-center gap-2">
                <input type="radio" name="allTenants" checked={values.allTenants} onChange={() => change({ allTenants: true })} className="accent-accent-600" />
                All tenants <span className="text-xs text-amber-700">needs another admin’s approval</span>
              </label>
            </div>
          </fieldset>
        ) : null}

        <GuardFieldset values={values} errors={errors} onChange={change} />
        <ExpiryFieldset values={values} errors={errors} isAdmin={isAdmin} onChange={change} />

        <Field id="reason" label="Reason" hint="Shown to the approver and kept in the history: what was blocked, why it is legitimate, who asked." error={errors.reason}>
          <textarea
            id="reason"
            rows={3}
            value={values.reason}
            onChange={(e) => change({ reason: e.target.value })}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describedBy('reason', { hint: true, error: errors.reason })}
            aria-required="true"
            className="input h-auto py-1.5"
          />
        </Field>
        <Field id="ticket" label={<>Ticket <span className="font-normal text-zinc-400">optional</span></>} error={errors.ticket} className="max-w-xs">
          <input
            id="ticket"
            value={values.ticket}
            onChange={(e) => change({ ticket: e.target.value })}
            placeholder="e.g. SUP-1234"
            autoComplete="off"
            aria-invalid={errors.ticket ? true : undefined}
            aria-describedby={describedBy('ticket', { error: errors.ticket })}
            className="input"
          />
        </Field>
      </div>

      <div className="space-y-4 lg:sticky lg:top-16">
        <OriginMessageCard tenant={tenant} message={message} />
        <ImpactPanel
          tenant={tenant}
          preview={preview.data}
          pending={preview.isPending}
          acknowledged={acknowledged}
          onAcknowledge={(code, on) =>
            setAcknowledged((prev) => {
              const next = new Set(prev);
              if (on) next.add(code);
              else next.delete(code);
              return next;
            })
          }
        />
        {formError ? <Notice tone="error">{formError}</Notice> : null}
        <div className="flex items-center gap-2">
          {preview.data ? (
            <button type="submit" className="btn btn-primary" disabled={!allAcknowledged || create.isPending || create.isSuccess}>
              {create.isPending || create.isSuccess ? 'Creating…' : 'Create correction'}
            </button>
          ) : (
            <button type="submit" className="btn btn-primary" disabled={preview.isPending}>
              {preview.isPending ? 'Previewing…' : 'Preview impact'}
            </button>
          )}
          <Link href={`/t/${tenant}/messages/${message.id}`} className="btn btn-ghost">
            Cancel
          </Link>
          {preview.data && !allAcknowledged ? <span className="text-sm text-zinc-500">Acknowledge every warning to create.</span> : null}
        </div>
      </div>
    </form>
  );
}

function focusFirst(errors: FieldErrors) {
  const first = fieldOrder.find((f) => errors[f]);
  if (!first) return;
  // Radio groups have no element with the field's id: focus the checked radio instead.
  const el = document.getElementById(first) ?? document.querySelector<HTMLInputElement>(`input[name="${first}"]:checked`);
  el?.focus();
}
